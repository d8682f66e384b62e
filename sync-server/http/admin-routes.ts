/**
 * The admin API, used by the desktop app to manage members of a shared workspace and by admins:
 *   GET    /admin/whoami                         the caller's token (no secret)
 *   GET    /admin/workspaces                     every stored document (admin)
 *   GET    /admin/workspaces/<w>/tokens          members (tokens) of a workspace (owner of w, admin)
 *   POST   /admin/workspaces/<w>/tokens          {role, label?, expires?} → {token, record} (owner of w, admin)
 *   DELETE /admin/tokens/<id>                    revoke (owner of the token's workspace, admin)
 * A caller hands out roles up to its own; admin tokens are made with the CLI only.
 */
import { z } from 'zod';
import { UdashError } from '../../shared/errors.js';
import { DEFAULT_TOKEN_LIFETIME, parseDuration } from '../auth/duration.js';
import { canManage, roleRank, RoomName, WORKSPACE_ROLES, type Principal } from '../auth/roles.js';
import { tokenStatus, type TokenRecord } from '../auth/token-store.js';
import type { RouteHandler } from '../options.js';
import { readJson } from './read-json.js';
import { sendJson } from './respond.js';

const CreateTokenBody = z.object({
  role: z.enum(WORKSPACE_ROLES),
  label: z.string().trim().min(1).max(200).optional(),
  expires: z.string().max(20).optional(),
});

export function publicToken(r: TokenRecord, now = Date.now()) {
  return { ...r, status: tokenStatus(r, now) };
}

export function adminRoutes(maxJsonBodyBytes: number): RouteHandler {
  return async (req, res, ctx) => {
    const path = ctx.url.pathname;
    if (!path.startsWith('/admin/')) return false;
    const method = req.method ?? 'GET';
    const p: Principal = await ctx.principal(req);
    const server = ctx.server;
    const tokens = server.tokens;

    if (path === '/admin/whoami' && method === 'GET') {
      sendJson(res, 200, p);
      return true;
    }

    if (path === '/admin/workspaces' && method === 'GET') {
      if (p.role !== 'admin') throw new UdashError('FORBIDDEN', 'Listing every workspace needs an admin token');
      sendJson(res, 200, { workspaces: await server.docs.list(), loaded: server.loadedDocuments() });
      return true;
    }

    const ws = /^\/admin\/workspaces\/([^/]+)\/tokens$/.exec(path);
    if (ws) {
      const parsed = RoomName.safeParse(decodeURIComponent(ws[1]!));
      if (!parsed.success) throw new UdashError('BAD_INPUT', 'The workspace id in the path is not valid', { field: 'workspace' });
      const workspace = parsed.data;
      if (!canManage(p, workspace)) throw new UdashError('FORBIDDEN', `Managing the members of ${workspace} needs its owner token or an admin token`);
      if (method === 'GET') {
        const now = Date.now();
        sendJson(res, 200, { tokens: (await tokens.list({ workspace })).map((r) => publicToken(r, now)) });
        return true;
      }
      if (method === 'POST') {
        const body = await readJson(req, CreateTokenBody, maxJsonBodyBytes);
        if (roleRank(body.role) > roleRank(p.role)) throw new UdashError('FORBIDDEN', `A ${p.role} token cannot create a ${body.role} token`);
        const lifetime = parseDuration(body.expires ?? DEFAULT_TOKEN_LIFETIME);
        // A token never outlives the token that made it (unless made by an admin).
        const expiresAt = p.role === 'admin' ? Date.now() + lifetime : Math.min(Date.now() + lifetime, p.expiresAt);
        const created = await tokens.create({ workspace, role: body.role, label: body.label ?? `${body.role} of ${workspace}`, expiresAt, createdBy: p.tokenId });
        server.log.info('token created', { tokenId: created.record.id, workspace, role: body.role, by: p.tokenId });
        sendJson(res, 201, { token: created.token, record: publicToken(created.record) });
        return true;
      }
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return true;
    }

    const tok = /^\/admin\/tokens\/([0-9a-f]{16})$/.exec(path);
    if (tok) {
      if (method !== 'DELETE') {
        res.writeHead(405, { allow: 'DELETE' }).end();
        return true;
      }
      const target = await tokens.get(tok[1]!);
      // The same answer for "absent" and "not yours": ids of other workspaces' tokens stay private.
      if (!target || !canManage(p, target.workspace)) throw new UdashError('NOT_FOUND', `No token ${tok[1]} that this token can manage`);
      const revoked = await tokens.revoke(target.id);
      server.disconnectToken(target.id);
      server.log.info('token revoked', { tokenId: target.id, workspace: target.workspace, by: p.tokenId });
      sendJson(res, 200, { record: revoked ? publicToken(revoked) : null });
      return true;
    }

    throw new UdashError('NOT_FOUND', `No admin endpoint ${method} ${path}`);
  };
}
