/**
 * A comment text box with @mention autocomplete. Typing `@` and letters opens a list of matching
 * people; ArrowUp/ArrowDown choose, Enter or Tab insert, Escape closes the list. Ctrl/Cmd+Enter sends.
 * The list is a listbox wired to the text box with aria-activedescendant, so screen readers announce
 * the highlighted person while focus stays in the text.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Person } from '../../../../../shared/model/comment.js';
import { activeMention, applyMention, mentionSuggestions, type MentionQuery } from './mention-query.js';

export function MentionInput({
  value,
  onChange,
  people,
  onSubmit,
  label,
  placeholder,
  autoFocus,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  people: readonly Person[];
  onSubmit: () => void;
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const options = useMemo(() => (query && dismissed !== query.start ? mentionSuggestions(people, query.query) : []), [people, query, dismissed]);
  const open = options.length > 0;

  const track = (el: HTMLTextAreaElement) => {
    const q = activeMention(el.value, el.selectionStart);
    setQuery(q);
    if (!q || q.start !== query?.start) setActive(0);
    if (!q) setDismissed(null);
  };

  const pick = (p: Person) => {
    const el = ref.current;
    if (!el || !query) return;
    const next = applyMention(el.value, query, el.selectionStart, p);
    onChange(next.text);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        pick(options[Math.min(active, options.length - 1)]!);
        return;
      }
      if (e.key === 'Escape') {
        // Close the list only, not the panel around it.
        e.preventDefault();
        e.stopPropagation();
        setDismissed(query!.start);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="mention-input">
      <textarea
        ref={ref}
        className="input comment-textarea"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        rows={2}
        maxLength={10_000}
        autoFocus={autoFocus}
        disabled={disabled}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {open ? (
        <ul id={listId} role="listbox" className="mention-list" aria-label="People to mention">
          {options.map((p, i) => (
            <li
              key={p.id ?? p.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'mention-option active' : 'mention-option'}
              // mousedown, not click: it runs before the text box loses focus and closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              <span className="avatar-dot" aria-hidden="true">
                {initial(p.name)}
              </span>
              {p.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function initial(name: string): string {
  return (name.trim()[0] ?? '?').toUpperCase();
}
