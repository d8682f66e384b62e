import { UdashError } from '../../shared/errors.js';
import { newId } from '../../shared/model/ids.js';
import type { Workspace } from '../../shared/contract/workspaces.js';
import type { Db } from './db.js';

interface Row {
  id: string;
  name: string;
  is_sample: number;
  created_at: string;
}
const toWorkspace = (r: Row): Workspace => ({ id: r.id, name: r.name, createdAt: r.created_at, isSample: r.is_sample === 1 });

export class WorkspacesRepo {
  constructor(private readonly db: Db) {}

  list(): Workspace[] {
    return (this.db.prepare('SELECT * FROM workspaces ORDER BY created_at, id').all() as Row[]).map(toWorkspace);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM workspaces').get() as { n: number }).n;
  }

  get(id: string): Workspace {
    const row = this.db.prepare('SELECT * FROM workspaces WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new UdashError('NOT_FOUND', `No workspace with id "${id}"`, { field: 'workspaceId' });
    return toWorkspace(row);
  }

  /** Finds by id or, for CLI convenience, by exact name. */
  resolve(idOrName: string): Workspace {
    const row = (this.db.prepare('SELECT * FROM workspaces WHERE id = ?').get(idOrName) ?? this.db.prepare('SELECT * FROM workspaces WHERE name = ? ORDER BY created_at LIMIT 1').get(idOrName)) as Row | undefined;
    if (!row) throw new UdashError('NOT_FOUND', `No workspace with id or name "${idOrName}"`, { field: 'workspace' });
    return toWorkspace(row);
  }

  create(name: string, opts: { isSample?: boolean; id?: string } = {}): Workspace {
    const now = new Date().toISOString();
    const id = opts.id ?? newId();
    this.db.prepare('INSERT INTO workspaces (id, name, is_sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, name, opts.isSample ? 1 : 0, now, now);
    return this.get(id);
  }

  rename(id: string, name: string): Workspace {
    const info = this.db.prepare('UPDATE workspaces SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
    if (info.changes === 0) throw new UdashError('NOT_FOUND', `No workspace with id "${id}"`, { field: 'workspaceId' });
    return this.get(id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM workspaces WHERE id = ?').run(id);
  }
}
