/**
 * The template language: Handlebars in an isolated environment with a small set of helpers. Templates
 * produce plain text (noEscape); each renderer escapes for its own output (HTML, XML in slides, cells),
 * so a variable can never inject markup into a document or an email.
 *
 * Templates are validated when saved, not at 3 a.m.: a syntax error or an unknown helper is reported
 * with the field it is in and its line.
 */
import { UdashError } from '../../../shared/errors.js';
import { formatChangePct, formatDatePattern, formatNumber, type ValueFormat } from '../model/format.js';
import { lazyHandlebars } from '../lazy-modules.js';

type HelperArg = unknown;
const num = (v: HelperArg) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
/** Handlebars passes an options object last; helpers ignore it. */
const args = (a: HelperArg[]) => a.slice(0, -1);

const HELPERS: Record<string, (...a: HelperArg[]) => unknown> = {
  formatNumber: (...a) => {
    const [v, f] = args(a);
    return formatNumber(num(v), (typeof f === 'string' ? f : 'number') as ValueFormat);
  },
  formatPct: (...a) => formatChangePct(num(args(a)[0])),
  formatDate: (...a) => {
    const [v, p] = args(a);
    return formatDatePattern(String(v ?? ''), typeof p === 'string' ? p : 'yyyy-MM-dd');
  },
  eq: (...a) => args(a)[0] === args(a)[1],
  ne: (...a) => args(a)[0] !== args(a)[1],
  gt: (...a) => num(args(a)[0]) > num(args(a)[1]),
  gte: (...a) => num(args(a)[0]) >= num(args(a)[1]),
  lt: (...a) => num(args(a)[0]) < num(args(a)[1]),
  lte: (...a) => num(args(a)[0]) <= num(args(a)[1]),
  abs: (...a) => Math.abs(num(args(a)[0])),
  and: (...a) => args(a).every(Boolean),
  or: (...a) => args(a).some(Boolean),
  not: (...a) => !args(a)[0],
  upper: (...a) => String(args(a)[0] ?? '').toUpperCase(),
  lower: (...a) => String(args(a)[0] ?? '').toLowerCase(),
  default: (...a) => {
    const [v, d] = args(a);
    return v === undefined || v === null || v === '' ? d : v;
  },
};

const BUILTINS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
export const TEMPLATE_HELPERS = Object.keys(HELPERS);

export type TextTemplate = (ctx: object) => string;

interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  path?: { type: string; original?: unknown };
  params?: AstNode[];
  hash?: { pairs: { value: AstNode }[] };
  program?: { body: AstNode[] };
  inverse?: { body: AstNode[] };
  body?: AstNode[];
}

export class TemplateEngine {
  private env: ReturnType<ReturnType<typeof lazyHandlebars>['create']> | null = null;
  private readonly cache = new Map<string, TextTemplate>();

  /** The isolated Handlebars environment, built on first use: a started scheduler that renders nothing never loads Handlebars. */
  private get hb() {
    if (!this.env) {
      this.env = lazyHandlebars().create();
      for (const [name, fn] of Object.entries(HELPERS)) this.env.registerHelper(name, fn);
    }
    return this.env;
  }

  /** Throws BAD_INPUT naming `field` and the line of the first problem. */
  validate(source: string, field: string, what = 'template'): void {
    let ast: AstNode;
    try {
      ast = this.hb.parse(source) as unknown as AstNode;
    } catch (e) {
      const err = e as { message?: string; lineNumber?: number };
      let line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message ?? '')?.[1] ?? 1);
      let reason = (err.message ?? 'syntax error').split('\n').pop()!.trim();
      // Handlebars places a mismatched block at its opening tag; the mistake is the closing one.
      const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(err.message ?? '');
      if (mismatch) {
        const [, open, close, openLine] = mismatch;
        const lines = source.split('\n');
        const at = lines.findIndex((l, i) => i >= Number(openLine) - 1 && l.includes(`{{/${close}`));
        if (at >= 0) line = at + 1;
        reason = `{{#${open}}} opened on line ${openLine} is closed by {{/${close}}}`;
      }
      throw new UdashError('BAD_INPUT', `The ${what} (${field}) has a syntax error on line ${line}: ${reason}`, { field, line }, field.split('.'));
    }
    const unknown = this.findUnknownHelper(ast);
    if (unknown) throw new UdashError('BAD_INPUT', `The ${what} (${field}) uses an unknown helper "${unknown.name}" on line ${unknown.line}; available: ${TEMPLATE_HELPERS.join(', ')}`, { field, line: unknown.line }, field.split('.'));
    try {
      this.hb.precompile(source, { noEscape: true, strict: false });
    } catch (e) {
      throw new UdashError('BAD_INPUT', `The ${what} (${field}) cannot be compiled: ${e instanceof Error ? e.message : String(e)}`, { field }, field.split('.'));
    }
  }

  /** A section condition such as "insights.hasAnomaly" or "(gt metric.revenue.changePct 10)". */
  validateCondition(expr: string, field: string): void {
    if (expr.trim() === '') return;
    if (/[{}]/.test(expr)) throw new UdashError('BAD_INPUT', `The condition (${field}) is an expression without braces, e.g. insights.hasAnomaly or (gt metric.revenue.changePct 10)`, { field, line: 1 }, field.split('.'));
    this.validate(this.conditionSource(expr), field, 'condition');
  }

  render(source: string, ctx: object): string {
    if (!source.includes('{{')) return source;
    let fn = this.cache.get(source);
    if (!fn) {
      fn = this.hb.compile(source, { noEscape: true, strict: false });
      this.cache.set(source, fn);
    }
    return fn(ctx);
  }

  test(expr: string, ctx: object): boolean {
    if (expr.trim() === '') return true;
    return this.render(this.conditionSource(expr), ctx) === '1';
  }

  private conditionSource(expr: string): string {
    return `{{#if ${expr.trim()}}}1{{/if}}`;
  }

  private findUnknownHelper(node: AstNode | undefined): { name: string; line: number } | null {
    if (!node) return null;
    const isCall = ['MustacheStatement', 'BlockStatement', 'SubExpression'].includes(node.type) && ((node.params?.length ?? 0) > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression');
    if (isCall && node.path?.type === 'PathExpression') {
      const name = String(node.path.original);
      if (!BUILTINS.has(name) && !(name in HELPERS)) return { name, line: node.loc?.start.line ?? 1 };
    }
    const children = [...(node.params ?? []), ...(node.hash?.pairs.map((p) => p.value) ?? []), ...(node.program?.body ?? []), ...(node.inverse?.body ?? []), ...(node.body ?? [])];
    for (const c of children) {
      const found = this.findUnknownHelper(c);
      if (found) return found;
    }
    return null;
  }
}
