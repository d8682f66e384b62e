/**
 * `udash report run` and `udash report send` as a user runs them, against the sample workspace's
 * dashboard out of the box, and a real SMTP server on loopback.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services.js';
import { readPdf } from '../reports/pdf-helpers.js';
import { startSmtpPeer, type SmtpPeer } from '../mail/smtp-peer.js';

const root = process.cwd();
const homes: string[] = [];
let peer: SmtpPeer | null = null;
afterEach(async () => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
  await peer?.close();
  peer = null;
});

function home(): string {
  const h = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-cli-report-'));
  homes.push(h);
  return h;
}

function udash(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'udash.js'), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}, 300_000);

const SAMPLE = ['--workspace', 'Sample workspace', '--dashboard', 'Business overview'];

describe('udash report', { timeout: 300_000 }, () => {
  it('run writes the sample dashboard as PDF, Excel, PowerPoint and HTML and lists the files as JSON', async () => {
    const h = home();
    const out = path.join(h, 'out');
    const r = await udash(['report', 'run', ...SAMPLE, '--format', 'pdf,xlsx,pptx,html', '--out', out, '--json'], { UDASH_HOME: path.join(h, 'data') });
    expect(r.stderr).not.toMatch(/udash:/);
    expect(r.code).toBe(0);
    const { files } = JSON.parse(r.stdout) as { files: { format: string; path: string; bytes: number }[] };
    expect(files.map((f) => f.format)).toEqual(['pdf', 'xlsx', 'pptx', 'html']);
    for (const f of files) {
      expect(path.dirname(f.path)).toBe(out);
      expect(fs.statSync(f.path).size).toBe(f.bytes);
    }
    const pdf = readPdf(fs.readFileSync(files[0]!.path));
    expect(pdf.pages).toBeGreaterThan(3);
    expect(pdf.text).toContain('Business overview');
    expect(pdf.outline.map((o) => o.title)).toEqual(expect.arrayContaining(['Business overview', 'Contents', '2. Key figures']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[1]!.path);
    expect(wb.worksheets.length).toBe(1 + 10 + 1);
    const zip = await JSZip.loadAsync(fs.readFileSync(files[2]!.path));
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(2 + 10);
    expect(fs.readFileSync(files[3]!.path, 'utf8')).toContain('data:image/png;base64,');
  });

  it('send emails the sample dashboard to the given addresses through --smtp', async () => {
    const h = home();
    peer = await startSmtpPeer();
    const r = await udash(['report', 'send', ...SAMPLE, '--to', 'ann@example.test,bob@example.test', '--smtp', `smtp://127.0.0.1:${peer.port}`, '--json'], { UDASH_HOME: path.join(h, 'data') });
    expect(r.stderr).not.toMatch(/udash:/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { run: { status: string; delivered: number }; deliveries: { address: string; status: string }[] };
    expect(out.run).toMatchObject({ status: 'sent', delivered: 2 });
    const [got] = await peer.waitFor(1);
    expect(got!.envelope.sort()).toEqual(['ann@example.test', 'bob@example.test']);
    expect(got!.mail.subject).toMatch(/^Business overview: /);
    expect(got!.mail.attachments.some((a) => a.filename?.endsWith('.pdf'))).toBe(true);
    expect(got!.mail.attachments.filter((a) => a.contentId).length).toBeGreaterThan(3);
  });

  it('runs a saved report by name, and explains bad usage and an unreachable server', async () => {
    const h = home();
    const data = path.join(h, 'data');
    const svc = await createServices({ home: data });
    const ws = svc.core().workspaces.resolve('Sample workspace');
    const dash = svc.core().dashboards.resolve(ws.id, 'Business overview');
    await svc.dispatcher.call('reports.create', { workspaceId: ws.id, report: { name: 'Board pack', content: { dashboardId: dash.id }, templateId: 'builtin:quarterly-board-report', formats: ['pptx'] } });
    await svc.close();

    const ok = await udash(['report', 'run', '--workspace', 'Sample workspace', '--report', 'Board pack', '--out', path.join(h, 'o'), '--json'], { UDASH_HOME: data });
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { files: { format: string }[] }).files.map((f) => f.format)).toEqual(['pptx']);

    const missing = await udash(['report', 'run', ...SAMPLE], { UDASH_HOME: data });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing required option --out');
    const badTo = await udash(['report', 'send', ...SAMPLE, '--to', 'nobody', '--smtp', 'smtp://127.0.0.1:1'], { UDASH_HOME: data });
    expect(badTo.code).toBe(2);
    expect(badTo.stderr).toContain('"nobody" is not a valid email address');
    const down = await udash(['report', 'send', ...SAMPLE, '--format', 'pdf', '--to', 'ann@example.test', '--smtp', 'smtp://127.0.0.1:1'], { UDASH_HOME: data });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/not sent: Not delivered to 1 recipient\(s\): the SMTP server could not be reached/);
  });
});
