/**
 * Where the tracking endpoints keep opens, clicks and downloads until the app pulls them. Events get
 * an increasing sequence number; the app asks for those after the last one it has. The NDJSON file
 * store appends one line per event (fsync-free: losing the last event on a power cut is acceptable
 * for engagement counts) and reloads the file on start.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface StoredEvent {
  seq: number;
  kind: 'open' | 'click' | 'download';
  at: string;
  w: string;
  r: string;
  d: string | null;
  url: string | null;
}

export interface TrackingEventStore {
  append(e: Omit<StoredEvent, 'seq'>): Promise<StoredEvent>;
  after(workspaceId: string, seq: number, limit: number): Promise<StoredEvent[]>;
}

export class MemoryEventStore implements TrackingEventStore {
  protected events: StoredEvent[] = [];
  protected seq = 0;
  async append(e: Omit<StoredEvent, 'seq'>): Promise<StoredEvent> {
    const stored = { ...e, seq: ++this.seq };
    this.events.push(stored);
    return stored;
  }
  async after(workspaceId: string, seq: number, limit: number): Promise<StoredEvent[]> {
    return this.events.filter((e) => e.seq > seq && e.w === workspaceId).slice(0, limit);
  }
}

export class NdjsonEventStore extends MemoryEventStore {
  constructor(private readonly file: string) {
    super();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as StoredEvent;
          this.events.push(e);
          this.seq = Math.max(this.seq, e.seq);
        } catch {
          // A torn last line from a crash: skip it.
        }
      }
    }
  }
  override async append(e: Omit<StoredEvent, 'seq'>): Promise<StoredEvent> {
    const stored = await super.append(e);
    await fs.promises.appendFile(this.file, JSON.stringify(stored) + '\n');
    return stored;
  }
}
