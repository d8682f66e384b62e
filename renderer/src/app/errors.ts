import { UdashError, type ErrorCode } from '../../../shared/errors.js';

/** What to show a user for anything thrown by a contract call (UdashError messages are written for users). */
export function errorMessage(e: unknown): string {
  if (e instanceof UdashError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong.';
}

export function errorCode(e: unknown): ErrorCode | undefined {
  return e instanceof UdashError ? e.code : undefined;
}

/**
 * The form field a BAD_INPUT (or a BAD_DATA naming a field or column) points at, as a dotted path
 * without the envelope the call wrapped it in (`widget.query.y.0.field` → `y.0.field`), so a form
 * can highlight the control that carries that path.
 */
export function errorField(e: unknown, envelopes: readonly string[] = ['widget', 'patch', 'query', 'input']): string | undefined {
  if (!(e instanceof UdashError)) return undefined;
  if (e.path && e.path.length > 0) {
    const path = [...e.path];
    while (path.length > 1 && typeof path[0] === 'string' && envelopes.includes(path[0])) path.shift();
    return path.join('.');
  }
  const field = e.details.field ?? e.details.column;
  return typeof field === 'string' ? field : undefined;
}
