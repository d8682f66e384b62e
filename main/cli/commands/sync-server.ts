/**
 * `udash sync-server …`: run the team sync server and administer it (tokens, workspace backups).
 * Everything here is argument handling and printing; the server lives in sync-server/.
 * PostgreSQL and Redis URLs may carry passwords, so they can also come from UDASH_SYNC_POSTGRES and
 * UDASH_SYNC_REDIS instead of the command line (where `ps` would show them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UdashError } from '../../../shared/errors.js';
import { DEFAULT_TOKEN_LIFETIME, parseDuration } from '../../../sync-server/auth/duration.js';
import { ROLES, RoomName, type Role } from '../../../sync-server/auth/roles.js';
import { tokenStatus, type TokenRecord } from '../../../sync-server/auth/token-store.js';
import { backupWorkspace, readBackupFile, restoreWorkspace } from '../../../sync-server/backup.js';
import type { LogLevel } from '../../../sync-server/ops/logger.js';
import { startSyncServer } from '../../../sync-server/start.js';
import { openStorage, type ServerStorage } from '../../../sync-server/storage.js';
import { formatTable, makeOut, requireOption, UsageError, type GlobalOptions } from '../context.js';

interface StoreFlags {
  data?: string;
  postgres?: string;
  pgSchema?: string;
  json?: boolean;
}

function dataDir(o: StoreFlags): string {
  return path.resolve(o.data ?? process.env.UDASH_SYNC_DATA ?? 'udash-sync-data');
}

function postgresUrl(o: StoreFlags): string | undefined {
  return o.postgres ?? process.env.UDASH_SYNC_POSTGRES ?? undefined;
}

function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'data folder (default: UDASH_SYNC_DATA or ./udash-sync-data)')
    .option('--postgres <url>', 'use PostgreSQL for documents and tokens (or UDASH_SYNC_POSTGRES)')
    .option('--pg-schema <name>', 'PostgreSQL schema', 'udash_sync')
    .option('--json', 'machine-readable output');
}

async function withStorage<T>(o: StoreFlags, fn: (s: ServerStorage) => Promise<T>): Promise<T> {
  const s = await openStorage({ dataDir: dataDir(o), postgres: postgresUrl(o), pgSchema: o.pgSchema });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

function intOption(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer between ${min} and ${max}`);
  return n;
}

function iso(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function tokenRow(r: TokenRecord, now: number): (string | number)[] {
  return [r.id, r.workspace ?? '(all: admin)', r.role, r.label, tokenStatus(r, now), iso(r.expiresAt)];
}

export function registerSyncServer(program: Command, globals: () => GlobalOptions): void {
  const root = program.command('sync-server').description('Run and administer the team sync server');
  const json = (o: { json?: boolean }) => !!(o.json ?? globals().json);

  withStoreOptions(
    root
      .command('start')
      .description('Start the sync server (embedded SQLite storage under --data unless --postgres)')
      .option('--port <n>', 'port (0 picks a free one)', '1234')
      .option('--host <addr>', 'interface to listen on (0.0.0.0 for every interface)', '127.0.0.1')
      .option('--redis <url>', 'share documents with other instances through Redis (or UDASH_SYNC_REDIS)')
      .option('--redis-prefix <p>', 'Redis channel prefix', 'udash-sync:')
      .option('--s3-bucket <name>', 'store blobs in this S3 bucket (credentials from the AWS environment)')
      .option('--s3-endpoint <url>', 'S3-compatible endpoint (path-style addressing)')
      .option('--s3-region <region>', 'S3 region', 'us-east-1')
      .option('--s3-prefix <prefix>', 'key prefix inside the bucket', '')
      .option('--max-message-mb <n>', 'largest WebSocket message in MiB', '16')
      .option('--max-blob-mb <n>', 'largest blob upload in MiB', '512')
      .option('--idle-unload <seconds>', 'unload documents nobody has open after this long', '60')
      .option('--durability <level>', 'SQLite: "full" survives a power cut (fsync per group commit); "process" survives a killed server, not an OS crash', 'full')
      .option('--log-level <level>', 'debug | info | warn | error', 'info'),
  ).action(
    async (o: StoreFlags & { port: string; host: string; redis?: string; redisPrefix: string; s3Bucket?: string; s3Endpoint?: string; s3Region: string; s3Prefix: string; maxMessageMb: string; maxBlobMb: string; idleUnload: string; durability: string; logLevel: string }) => {
      const port = intOption(o.port, '--port', 0, 65535);
      if (!['debug', 'info', 'warn', 'error'].includes(o.logLevel)) throw new UsageError('--log-level must be debug, info, warn or error');
      if (o.durability !== 'full' && o.durability !== 'process') throw new UsageError('--durability must be full or process');
      const running = await startSyncServer({
        port,
        host: o.host,
        dataDir: dataDir(o),
        postgres: postgresUrl(o),
        pgSchema: o.pgSchema,
        redis: o.redis ?? process.env.UDASH_SYNC_REDIS ?? undefined,
        redisPrefix: o.redisPrefix,
        s3: o.s3Bucket ? { bucket: o.s3Bucket, endpoint: o.s3Endpoint, region: o.s3Region, prefix: o.s3Prefix, forcePathStyle: !!o.s3Endpoint } : undefined,
        limits: { maxMessageBytes: intOption(o.maxMessageMb, '--max-message-mb', 1, 1024) * 1024 * 1024, maxBlobBytes: intOption(o.maxBlobMb, '--max-blob-mb', 1, 1_048_576) * 1024 * 1024 },
        idleUnloadMs: intOption(o.idleUnload, '--idle-unload', 1, 86_400) * 1000,
        synchronous: o.durability === 'full' ? 'FULL' : 'NORMAL',
        logLevel: o.logLevel as LogLevel,
      });
      if ((await running.server.tokens.list()).length === 0)
        process.stderr.write(`No tokens yet. Create one with: udash sync-server token create --data ${dataDir(o)} --role admin\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.close();
    },
  );

  const token = root.command('token').description('Create, list and revoke access tokens');

  withStoreOptions(
    token
      .command('create')
      .description('Create a token and print it (it is shown only this once)')
      .option('--workspace <id>', 'the workspace the token opens (not for --role admin)')
      .option('--role <role>', `${ROLES.join(' | ')}`)
      .option('--expires <duration>', 'lifetime such as 12h, 30d, 1y', DEFAULT_TOKEN_LIFETIME)
      .option('--label <text>', 'who or what the token is for (shown in lists)'),
  ).action(async (o: StoreFlags & { workspace?: string; role?: string; expires: string; label?: string }) => {
    const role = requireOption(o.role, '--role') as Role;
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (role === 'admin' && o.workspace) throw new UsageError('an admin token is for the whole server: leave out --workspace');
    const workspace = role === 'admin' ? null : requireOption(o.workspace, '--workspace');
    if (workspace !== null && !RoomName.safeParse(workspace).success) throw new UsageError(`--workspace "${workspace}" is not a workspace id (letters, digits, "_", "-", ".")`);
    let lifetime: number;
    try {
      lifetime = parseDuration(o.expires, '--expires');
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const out = makeOut(json(o));
    await withStorage(o, async (s) => {
      const created = await s.tokens.create({ workspace, role, label: o.label ?? (workspace ? `${role} of ${workspace}` : 'server admin'), expiresAt: Date.now() + lifetime, createdBy: null });
      out.print({ token: created.token, ...created.record }, () =>
        [`Token for ${workspace ?? 'the whole server'} (${role}), expires ${iso(created.record.expiresAt)}:`, '', `  ${created.token}`, '', `Id: ${created.record.id}. This is the only time the token is shown.`].join('\n'),
      );
    });
  });

  withStoreOptions(token.command('list').description('List tokens (never their secrets)').option('--workspace <id>', 'only tokens of this workspace')).action(
    async (o: StoreFlags & { workspace?: string }) => {
      const out = makeOut(json(o));
      await withStorage(o, async (s) => {
        const now = Date.now();
        const list = (await s.tokens.list(o.workspace !== undefined ? { workspace: o.workspace } : {})).map((r) => ({ ...r, status: tokenStatus(r, now) }));
        out.print(list, () => (list.length ? formatTable(['ID', 'WORKSPACE', 'ROLE', 'LABEL', 'STATUS', 'EXPIRES'], list.map((r) => tokenRow(r, now))) : 'No tokens.'));
      });
    },
  );

  withStoreOptions(token.command('revoke').description('Revoke a token; its open connections are cut at their next message').option('--id <id>', 'token id (from token list)')).action(
    async (o: StoreFlags & { id?: string }) => {
      const id = requireOption(o.id, '--id');
      const out = makeOut(json(o));
      await withStorage(o, async (s) => {
        const r = await s.tokens.revoke(id);
        if (!r) throw new UdashError('NOT_FOUND', `No token with id ${id}`, { field: 'id' });
        out.print({ ...r, status: tokenStatus(r) }, () => `Token ${id} (${r.role} of ${r.workspace ?? 'the whole server'}) is revoked.`);
      });
    },
  );

  const workspace = root.command('workspace').description('List, back up and restore workspace documents');

  withStoreOptions(workspace.command('list').description('List stored workspace documents')).action(async (o: StoreFlags) => {
    const out = makeOut(json(o));
    await withStorage(o, async (s) => {
      const list = await s.docs.list();
      out.print(list, () => (list.length ? formatTable(['WORKSPACE', 'UPDATES', 'BYTES', 'LAST UPDATE'], list.map((d) => [d.name, d.updates, d.bytes, iso(d.lastUpdateAt)])) : 'No workspaces stored yet.'));
    });
  });

  withStoreOptions(
    workspace.command('backup').description("Write a workspace's document state to a file").option('--workspace <id>', 'workspace id').option('--out <file>', 'output file (default: <workspace>-<time>.udash-sync.json)'),
  ).action(async (o: StoreFlags & { workspace?: string; out?: string }) => {
    const ws = requireOption(o.workspace, '--workspace');
    const out = makeOut(json(o));
    await withStorage(o, async (s) => {
      const backup = await backupWorkspace(s.docs, ws);
      const file = path.resolve(o.out ?? `${ws}-${backup.createdAt.replace(/[:.]/g, '-')}.udash-sync.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(backup) + '\n', { flag: o.out ? 'w' : 'wx' });
      const bytes = Buffer.from(backup.state, 'base64').byteLength;
      out.print({ file, workspace: ws, bytes, storedUpdates: backup.storedUpdates }, () => `Backed up ${ws} (${bytes.toLocaleString()} bytes of document state) to ${file}.`);
    });
  });

  withStoreOptions(
    workspace
      .command('restore')
      .description('Merge a backup into the stored document (a CRDT merge: nothing newer is lost). Best run while the server is stopped.')
      .option('--file <file>', 'backup file')
      .option('--workspace <id>', 'restore into this workspace (default: the one in the backup)'),
  ).action(async (o: StoreFlags & { file?: string; workspace?: string }) => {
    const file = requireOption(o.file, '--file');
    if (o.workspace !== undefined && !RoomName.safeParse(o.workspace).success) throw new UsageError(`--workspace "${o.workspace}" is not a workspace id`);
    const out = makeOut(json(o));
    const backup = readBackupFile(path.resolve(file));
    await withStorage(o, async (s) => {
      const r = await restoreWorkspace(s.docs, backup, o.workspace ?? backup.workspace);
      out.print({ ...r, from: path.resolve(file) }, () => `Restored ${r.bytes.toLocaleString()} bytes of document state into ${r.workspace}.`);
    });
  });
}
