import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../deps.ts';
import { parseRequest } from '../validate-request.ts';

const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().startsWith('audit:').max(100).optional(),
    actor: z.string().min(1).max(100).optional(),
    mission: z.string().min(1).max(63).optional(),
    action: z.string().min(1).max(50).optional(),
  })
  .strict();

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
