/**
 * The frame of a collaboration side panel: a labelled complementary region with a title and a close
 * button. Escape closes it, unless the key was meant for something inside (an open dialog, a menu or
 * an autocomplete list, which mark the event as handled) or `canClose` says not now.
 */
import { forwardRef, useId, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon.js';

export const SidePanel = forwardRef<HTMLElement, { title: string; className: string; onClose: () => void; canClose?: boolean; children: ReactNode }>(function SidePanel({ title, className, onClose, canClose = true, children }, ref) {
  const headingId = useId();
  return (
    <aside
      ref={ref}
      className={`collab-panel ${className}`}
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented || !canClose || (e.target as HTMLElement).closest('dialog')) return;
        e.stopPropagation();
        onClose();
      }}
    >
      <header className="collab-panel-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-icon" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {children}
    </aside>
  );
});
