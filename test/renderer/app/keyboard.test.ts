import { describe, expect, it } from 'vitest';
import { isTextEntry, moveFocus, undoIntent } from '../../../renderer/src/app/keyboard.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('undo shortcuts', () => {
  it('maps Ctrl/Cmd+Z to undo and Shift+Ctrl/Cmd+Z or Ctrl+Y to redo', () => {
    expect(undoIntent(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoIntent(key('z', { metaKey: true }))).toBe('undo');
    expect(undoIntent(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoIntent(key('y', { ctrlKey: true }))).toBe('redo');
  });
  it('ignores plain keys and Alt combinations', () => {
    expect(undoIntent(key('z'))).toBeNull();
    expect(undoIntent(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoIntent(key('x', { ctrlKey: true }))).toBeNull();
  });
});

describe('text entry detection', () => {
  it('treats text inputs, textareas, selects and contenteditable as typing targets', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'number' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
  });
  it('lets buttons, checkboxes and the page itself use the shortcut', () => {
    expect(isTextEntry({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('roving focus', () => {
  it('wraps around with arrows and jumps with Home/End', () => {
    const focused: number[] = [];
    const items = [0, 1, 2].map((i) => ({ focus: () => focused.push(i) }) as unknown as HTMLElement);
    expect(moveFocus(items, items[2]!, 'ArrowDown')).toBe(true);
    expect(moveFocus(items, items[0]!, 'ArrowUp')).toBe(true);
    expect(moveFocus(items, null, 'End')).toBe(true);
    expect(moveFocus(items, items[1]!, 'Home')).toBe(true);
    expect(moveFocus(items, items[1]!, 'a')).toBe(false);
    expect(focused).toEqual([0, 2, 2, 0]);
  });
});
