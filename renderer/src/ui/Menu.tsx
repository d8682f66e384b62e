/**
 * A button that opens a menu of actions. The menu renders in a portal with fixed positioning so it is
 * never clipped by (or hidden under) the transformed cells of the dashboard grid. Keyboard: Enter/Space
 * or ArrowDown opens and focuses the first item, arrows move, Escape closes and returns focus.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { moveFocus } from '../app/keyboard.js';
import { Icon, type IconName } from './Icon.js';

export interface MenuItem {
  label: string;
  icon?: IconName;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  separatorBefore?: boolean;
}

export function Menu({ label, items, trigger, className, align = 'end' }: { label: string; items: MenuItem[]; trigger?: ReactNode; className?: string; align?: 'start' | 'end' }) {
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !buttonRef.current || !menuRef.current) return;
    const b = buttonRef.current.getBoundingClientRect();
    const m = menuRef.current.getBoundingClientRect();
    let left = align === 'end' ? b.right - m.width : b.left;
    left = Math.max(8, Math.min(left, window.innerWidth - m.width - 8));
    let top = b.bottom + 4;
    if (top + m.height > window.innerHeight - 8) top = Math.max(8, b.top - m.height - 4);
    setPos({ top, left });
    menuRef.current.querySelector<HTMLElement>('[role=menuitem]:not([disabled])')?.focus();
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) close(false);
    };
    const onScroll = () => close(false);
    document.addEventListener('mousedown', onDown);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('resize', onScroll);
    };
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'btn btn-ghost btn-icon btn-sm'}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger ?? <Icon name="more" />}
      </button>
      {open
        ? createPortal(
            <div
              ref={menuRef}
              role="menu"
              aria-label={label}
              className="menu"
              style={{ top: pos?.top ?? -9999, left: pos?.left ?? -9999 }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  close(true);
                } else if (e.key === 'Tab') {
                  close(false);
                } else {
                  const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([disabled])') ?? [])];
                  if (moveFocus(items, document.activeElement, e.key)) e.preventDefault();
                }
              }}
            >
              {items.map((it, i) => (
                <div key={`${i}-${it.label}`} className={it.separatorBefore ? 'menu-sep-before' : undefined} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    className={`menu-item${it.danger ? ' menu-item-danger' : ''}`}
                    disabled={it.disabled}
                    onClick={() => {
                      close(true);
                      it.onSelect();
                    }}
                  >
                    {it.icon ? <Icon name={it.icon} /> : <span className="icon" />}
                    {it.label}
                  </button>
                </div>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
