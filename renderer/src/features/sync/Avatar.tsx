import { initials, type PresenceUser } from '../../../../shared/model/sync.js';

/** A round badge with a colleague's initials in their colour; the name is the accessible label. */
export function Avatar({ user, size = 24, label }: { user: Pick<PresenceUser, 'name' | 'color'>; size?: number; label?: string }) {
  return (
    <span className="sync-avatar" style={{ background: user.color, width: size, height: size, fontSize: Math.round(size * 0.42) }} role="img" aria-label={label ?? user.name} title={label ?? user.name}>
      {initials(user.name)}
    </span>
  );
}
