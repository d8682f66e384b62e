/**
 * Dispatches a contract call to its handler. Both transports (Electron IPC and the loopback WebSocket
 * host) call `dispatch`; it validates the input with the contract's zod schema, runs the handler and
 * turns every failure into an ErrorPayload: typed for expected errors, a generic INTERNAL for bugs.
 */
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/contract/index.js';
import { toErrorPayload, UdashError, type ErrorPayload } from '../../shared/errors.js';

export interface CallContext {
  transport: 'ipc' | 'websocket' | 'cli' | 'test';
  /** Aborted when the caller goes away (window closed, socket dropped). */
  signal?: AbortSignal;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type PartialHandlers = Partial<Handlers>;

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

export interface Logger {
  error(msg: string, err?: unknown): void;
  warn(msg: string): void;
  info(msg: string): void;
}

/** Merges per-feature handler maps, refusing a method registered twice. */
export function mergeHandlers(...groups: PartialHandlers[]): PartialHandlers {
  const out: Record<string, unknown> = {};
  for (const g of groups) {
    for (const [name, fn] of Object.entries(g)) {
      if (name in out) throw new Error(`Handler for ${name} registered twice`);
      out[name] = fn;
    }
  }
  return out as PartialHandlers;
}

export function zodToUdash(err: z.ZodError, what: string): UdashError {
  const first = err.issues[0];
  const path = (first?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
  const where = path.length ? ` at ${path.join('.')}` : '';
  return new UdashError('BAD_INPUT', `Invalid ${what}${where}: ${first?.message ?? 'invalid value'}`, { issues: err.issues.length }, path);
}

export interface Dispatcher {
  dispatch(method: string, rawInput: unknown, ctx: CallContext): Promise<DispatchResult>;
  /** Typed, throwing call for in-process users (CLI, tests). */
  call<M extends MethodName>(method: M, input: z.input<(typeof contract)[M]['input']>, ctx?: CallContext): Promise<MethodOutput<M>>;
}

export function createDispatcher(handlers: PartialHandlers, log: Logger, opts: { validateOutput?: boolean; gate?: (method: MethodName) => UdashError | undefined } = {}): Dispatcher {
  const validateOutput = opts.validateOutput ?? true;

  async function run(method: string, rawInput: unknown, ctx: CallContext): Promise<unknown> {
    if (!isMethodName(method)) throw new UdashError('UNKNOWN_METHOD', `There is no method named "${method}"`);
    const gated = opts.gate?.(method);
    if (gated) throw gated;
    const spec = contract[method];
    const handler = handlers[method] as ((input: unknown, ctx: CallContext) => unknown) | undefined;
    if (!handler) throw new UdashError('UNKNOWN_METHOD', `${method} is declared but not available in this build`);
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodToUdash(parsed.error, `input to ${method}`);
    const value = await handler(parsed.data, ctx);
    if (validateOutput) {
      const out = spec.output.safeParse(value);
      if (!out.success) {
        log.error(`Output of ${method} broke its contract`, out.error);
        throw new UdashError('INTERNAL', `The answer to ${method} was malformed`);
      }
      return out.data;
    }
    return value;
  }

  return {
    async dispatch(method, rawInput, ctx) {
      try {
        return { ok: true, value: await run(method, rawInput, ctx) };
      } catch (e) {
        if (!(e instanceof UdashError)) log.error(`Unexpected failure in ${method}`, e);
        return { ok: false, error: toErrorPayload(e) };
      }
    },
    async call(method, input, ctx = { transport: 'test' }) {
      return (await run(method, input, ctx)) as MethodOutput<typeof method>;
    },
  };
}
