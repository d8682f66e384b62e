/** One comment: author, time, text with highlighted mentions; its author can edit or delete it in place. */
import { useState } from 'react';
import { mentionParts, type Comment, type Person } from '../../../../../shared/model/comment.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { Menu } from '../../../ui/Menu.js';
import { fullTime, timeAgo } from '../time.js';
import { initial, MentionInput } from './MentionInput.js';

export function CommentItem({
  comment,
  meId,
  people,
  unread,
  onEdit,
  onDelete,
}: {
  comment: Comment;
  meId: string;
  people: readonly Person[];
  unread: boolean;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = comment.authorId === meId && !comment.deleted;

  if (comment.deleted) {
    return (
      <div className="comment comment-deleted" data-comment-id={comment.id}>
        <p className="comment-body muted">This comment was deleted.</p>
      </div>
    );
  }

  const save = async () => {
    if (editing === null || !editing.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onEdit(editing);
      setEditing(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`comment${unread ? ' comment-unread' : ''}`} data-comment-id={comment.id}>
      <header className="comment-head">
        <span className="avatar-dot" aria-hidden="true">
          {initial(comment.authorName)}
        </span>
        <strong className="comment-author">{comment.authorName}</strong>
        <time className="comment-time" dateTime={comment.createdAt} title={fullTime(comment.createdAt)}>
          {timeAgo(comment.createdAt)}
        </time>
        {comment.editedAt ? <span className="comment-edited">(edited)</span> : null}
        {unread ? <span className="unread-dot" role="img" aria-label="New" /> : null}
        {mine && editing === null ? (
          <span className="comment-menu">
            <Menu
              label="Comment actions"
              items={[
                { label: 'Edit', icon: 'edit', onSelect: () => setEditing(comment.body) },
                { label: 'Delete', icon: 'trash', danger: true, onSelect: () => setConfirming(true) },
              ]}
            />
          </span>
        ) : null}
      </header>
      {editing !== null ? (
        <div className="comment-edit">
          <MentionInput value={editing} onChange={setEditing} people={people} onSubmit={() => void save()} label="Edit comment" autoFocus />
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="comment-actions">
            <Button size="sm" onClick={() => setEditing(null)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" busy={busy} disabled={!editing.trim()} onClick={() => void save()}>
              Save
            </Button>
          </div>
        </div>
      ) : (
        <p className="comment-body">
          {mentionParts(comment.body, comment.mentions).map((part, i) =>
            part.mention ? (
              <span key={i} className={`mention${comment.mentions.some((m) => m.name === part.mention && m.userId === meId) ? ' mention-me' : ''}`}>
                {part.text}
              </span>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      )}
      {confirming ? (
        <ConfirmDialog title="Delete comment?" confirmLabel="Delete" danger onConfirm={onDelete} onClose={() => setConfirming(false)}>
          <p>The comment is removed for everyone in this workspace.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
