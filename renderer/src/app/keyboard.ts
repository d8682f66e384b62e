/** Keyboard helpers shared by the shell and the dashboards. */

/** True when typing in this element should keep the browser's own shortcuts (Ctrl+Z in a text box undoes typing). */
export function isTextEntry(el: EventTarget | null): boolean {
  if (!el || typeof (el as { tagName?: unknown }).tagName !== 'string') return false;
  const e = el as HTMLElement;
  const tag = e.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (e.isContentEditable) return true;
  if (tag !== 'input') return false;
  const type = ((e as HTMLInputElement).type || 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

export type UndoIntent = 'undo' | 'redo' | null;

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo. */
export function undoIntent(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): UndoIntent {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** Moves focus among `items` with arrow keys, Home and End (roving focus for lists and menus). */
export function moveFocus(items: HTMLElement[], current: Element | null, key: string): boolean {
  if (items.length === 0) return false;
  const i = items.findIndex((el) => el === current);
  let next = -1;
  if (key === 'ArrowDown' || key === 'ArrowRight') next = i < 0 ? 0 : (i + 1) % items.length;
  else if (key === 'ArrowUp' || key === 'ArrowLeft') next = i <= 0 ? items.length - 1 : i - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = items.length - 1;
  if (next < 0) return false;
  items[next]!.focus();
  return true;
}
