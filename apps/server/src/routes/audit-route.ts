import type { FastifyInstance } from 'fastify';
import { AuditQuery } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { parseRequest } from '../validate-request.ts';

/** The audit log for admins, newest first; page on with `cursor`. Reading it is audited too. */
export async function auditRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/admin/audit', async (req) => {
    await deps.authorize(req, 'audit.read', null);
    const q = parseRequest(AuditQuery, req.query, 'Query');
    const page = await deps.audit.read(q);
    await deps.audit.append(req, { action: 'audit.read', mission: null, outcome: 'ok' });
    return {
      entries: page.entries.map(({ _id, _rev: _r, type: _t, ...e }) => ({ id: _id, ...e })),
      cursor: page.cursor,
    };
  });
}
