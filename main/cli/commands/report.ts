/**
 * `udash report run` writes a report's files to a folder; `udash report send` generates and emails it
 * now. Both take a saved report (--report, id or name) or a whole dashboard (--dashboard, id or name),
 * so the sample workspace's dashboard works out of the box.
 */
import type { Command } from 'commander';
import { EmailAddress, OUTPUT_FORMATS, type OutputFormat, type Report } from '../../../shared/model/report.js';
import { UdashError } from '../../../shared/errors.js';
import { ReportsApi } from '../../reports/api.js';
import { reportsOf } from '../../reports/module.js';
import { BUILTIN_TEMPLATE_IDS } from '../../reports/templates/builtin.js';
import { smtpFromUrl } from '../../mail/transport.js';
import type { Services } from '../../services.js';
import { makeOut, requireOption, UsageError, withServices, type GlobalOptions } from '../context.js';

interface TargetOpts {
  workspace?: string;
  report?: string;
  dashboard?: string;
  format?: string;
  template?: string;
  json?: boolean;
}

export function parseFormats(s: string | undefined, fallback: OutputFormat[]): OutputFormat[] {
  if (!s) return fallback;
  const list = [...new Set(s.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean))];
  const bad = list.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw new UsageError(`--format takes a comma-separated list of ${OUTPUT_FORMATS.join(', ')}; got "${s}"`);
  return list as OutputFormat[];
}

function templateId(t: string | undefined): string {
  if (!t) return 'builtin:detailed-analytics';
  const id = t.startsWith('builtin:') || t.startsWith('custom-') ? t : `builtin:${t}`;
  return id;
}

/** The saved report, or an unsaved one made from the dashboard. */
function target(svc: Services, api: ReportsApi, o: TargetOpts, formats: (r?: Report) => OutputFormat[]): { ws: string; report: Report; formats: OutputFormat[] } {
  const wsName = requireOption(o.workspace, '--workspace');
  if (!!o.report === !!o.dashboard) throw new UsageError('give exactly one of --report or --dashboard');
  const c = svc.core();
  const ws = c.workspaces.resolve(wsName);
  const m = reportsOf(svc);
  if (o.report) {
    const all = m.docs.reports(ws.id);
    const report = all.find((r) => r.id === o.report) ?? all.find((r) => r.name === o.report);
    if (!report) throw new UdashError('NOT_FOUND', `No report with id or name "${o.report}" in the workspace "${ws.name}"`, { field: 'report' });
    const f = formats(report);
    return { ws: ws.id, report: { ...report, formats: f, ...(o.template ? { templateId: templateId(o.template) } : {}) }, formats: f };
  }
  const dash = c.dashboards.resolve(ws.id, o.dashboard!);
  const tid = templateId(o.template);
  if (!m.findTemplate(ws.id, tid)) throw new UsageError(`unknown --template "${o.template}"; built-in: ${BUILTIN_TEMPLATE_IDS.map((t) => t.slice(8)).join(', ')}`);
  const f = formats();
  return { ws: ws.id, report: api.adHocReport(dash, tid, f), formats: f };
}

export function registerReport(program: Command, globals: () => GlobalOptions): void {
  const report = program.command('report').description('Generate and send reports');

  report
    .command('run')
    .description('Write a report (or a dashboard as a report) to files')
    .option('--workspace <idOrName>', 'workspace id or name (required)')
    .option('--report <idOrName>', 'a saved report')
    .option('--dashboard <idOrName>', 'a dashboard, as an unsaved report')
    .option('--format <list>', `comma-separated: ${OUTPUT_FORMATS.join(',')} (default: the report's formats, or pdf)`)
    .option('--template <id>', 'template for --dashboard, e.g. executive-summary (default detailed-analytics)')
    .option('--out <dir>', 'folder to write the files to (required)')
    .option('--json', 'machine-readable output')
    .action(async (o: TargetOpts & { out?: string }) => {
      const out = makeOut(!!(o.json ?? globals().json));
      const dir = requireOption(o.out, '--out');
      const formats = parseFormats(o.format, []);
      await withServices(globals(), async (svc) => {
        const api = new ReportsApi(reportsOf(svc));
        const t = target(svc, api, o, (r) => (formats.length ? formats : r ? r.formats : ['pdf']));
        const files = await api.generateToDir(t.ws, t.report, t.formats, dir);
        out.print({ files }, () => files.map((f) => `${f.format.padEnd(5)} ${f.bytes.toLocaleString('en-US').padStart(12)} bytes  ${f.path}`).join('\n'));
      });
    });

  report
    .command('send')
    .description('Generate a report (or a dashboard as a report) and email it now')
    .option('--workspace <idOrName>', 'workspace id or name (required)')
    .option('--report <idOrName>', 'a saved report')
    .option('--dashboard <idOrName>', 'a dashboard, as an unsaved report')
    .option('--to <addresses>', 'comma-separated recipients (default: the report’s recipients)')
    .option('--smtp <url>', 'smtp://[user:password@]host:port for this send (default: Settings → Email)')
    .option('--from <address>', 'sender address with --smtp (default: the configured one, or reports@localhost.localdomain)')
    .option('--format <list>', 'files to attach: pdf,xlsx,pptx (default: the report’s, or pdf)')
    .option('--template <id>', 'template for --dashboard (default detailed-analytics)')
    .option('--json', 'machine-readable output')
    .action(async (o: TargetOpts & { to?: string; smtp?: string; from?: string }) => {
      const out = makeOut(!!(o.json ?? globals().json));
      const to = (o.to ?? '').split(',').map((a) => a.trim()).filter(Boolean);
      for (const a of to) if (!EmailAddress.safeParse(a).success) throw new UsageError(`--to: "${a}" is not a valid email address`);
      if (!o.to && o.dashboard) throw new UsageError('--to is required with --dashboard');
      const formats = parseFormats(o.format, []);
      await withServices(globals(), async (svc) => {
        const m = reportsOf(svc);
        const api = new ReportsApi(m);
        const t = target(svc, api, o, (r) => (formats.length ? formats : r ? r.formats : ['pdf']));
        const configured = m.settings.smtp();
        const smtp = o.smtp ? smtpFromUrl(o.smtp, o.from ?? configured?.from ?? 'reports@localhost.localdomain', configured ?? undefined) : undefined;
        if (!smtp && !configured) throw new UsageError('email is not set up: pass --smtp smtp://host:port (or configure Settings → Email)');
        const report = { ...t.report, delivery: { ...t.report.delivery, attach: t.formats.filter((f): f is 'pdf' | 'xlsx' | 'pptx' => f !== 'html') } };
        const run = await api.sendNow(t.ws, report, to, smtp);
        const detail = api.runDetail(t.ws, run.id);
        const result = { run: detail.run, deliveries: detail.deliveries.map((d) => ({ address: d.address, status: d.status, error: d.error })) };
        if (run.status === 'failed') {
          if (out.json) out.print(result);
          throw new UdashError('UNAVAILABLE', `the report was not sent: ${run.error?.message ?? 'unknown reason'}`);
        }
        out.print(result, () => `${run.status}: ${detail.deliveries.map((d) => `${d.address} ${d.status}${d.error ? ` (${d.error})` : ''}`).join(', ')}\nfiles: ${run.files.map((f) => f.name).join(', ')}`);
      });
    });
}
