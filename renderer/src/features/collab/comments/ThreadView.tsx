/** A comment thread: what it is about, its comments, a reply box, and resolve / reopen. */
import { useState } from 'react';
import type { Person, Thread } from '../../../../../shared/model/comment.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Icon } from '../../../ui/Icon.js';
import type { CommentActions } from './useComments.js';
import { CommentItem } from './CommentItem.js';
import { MentionInput } from './MentionInput.js';

export function ThreadView({
  thread,
  about,
  meId,
  people,
  unreadIds,
  actions,
  readOnly,
}: {
  thread: Thread;
  /** "Dashboard", a widget's title, or "A removed widget". */
  about: string;
  meId: string;
  people: readonly Person[];
  unreadIds: ReadonlySet<string>;
  actions: CommentActions;
  readOnly: boolean;
}) {
  const [reply, setReply] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      after?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const send = () => {
    if (reply?.trim()) void run(() => actions.reply(thread.id, reply), () => setReply(null));
  };

  return (
    <article className={`thread${thread.resolved ? ' thread-resolved' : ''}`} data-thread-id={thread.id} aria-label={`Comment thread on ${about}${thread.resolved ? ', resolved' : ''}`}>
      <header className="thread-head">
        <span className="thread-about">{about}</span>
        {thread.resolved ? (
          <span className="badge badge-success">
            <Icon name="check" size={12} /> Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
          </span>
        ) : null}
      </header>
      {[thread.root, ...thread.replies].map((c) => (
        <CommentItem key={c.id} comment={c} meId={meId} people={people} unread={unreadIds.has(c.id)} onEdit={(body) => actions.edit(c.id, body)} onDelete={() => actions.remove(c.id)} />
      ))}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {readOnly ? null : reply !== null ? (
        <div className="thread-reply">
          <MentionInput value={reply} onChange={setReply} people={people} onSubmit={send} label="Reply" placeholder="Reply… (@ to mention, Ctrl+Enter to send)" autoFocus />
          <div className="comment-actions">
            <Button size="sm" onClick={() => setReply(null)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" busy={busy} disabled={!reply.trim()} onClick={send}>
              Send reply
            </Button>
          </div>
        </div>
      ) : (
        <div className="thread-actions">
          <Button size="sm" variant="ghost" onClick={() => setReply('')}>
            Reply
          </Button>
          <Button size="sm" variant="ghost" icon={thread.resolved ? 'undo' : 'check'} busy={busy} onClick={() => void run(() => actions.resolve(thread.id, !thread.resolved))}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </Button>
        </div>
      )}
    </article>
  );
}
