import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SystemDb, SystemDoc } from '@tern/store';

export type Outcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry extends SystemDoc {
  type: 'audit';
  at: string;
  /** Username of a live session; null when there was none (or a login named no existing account). */
  actor: string | null;
  role: string | null;
  /** What was attempted: a permission action (`sync.pull`, `export`…) or `login`, `logout`, `user.create`… */
  action: string;
  mission: string | null;
  outcome: Outcome;
  ip: string;
  /** Ids, counts and reasons. Never answers, names or passwords: the audit log is not a data store. */
  details?: Record<string, unknown>;
}

export interface AuditInput {
  action: string;
  mission: string | null;
  outcome: Outcome;
  details?: Record<string, unknown>;
  /** Override the actor (a login names the account it was for, before any session exists). */
  actor?: string | null;
}

/**
 * The audit log: append-only. Entries are created with `SystemDb.create` (which cannot overwrite) under
 * ids that sort by time; this module has no update or delete, and no route edits the system database
 * directly. An operator with file access to the data folder can still delete entries: docs/security.md.
 */
export class AuditLog {
  constructor(
    private readonly sys: SystemDb,
    private readonly now: () => number,
  ) {}

  async append(req: FastifyRequest | null, input: AuditInput): Promise<void> {
    const at = new Date(this.now()).toISOString();
    const entry: AuditEntry = {
      _id: `audit:${at}:${randomBytes(6).toString('hex')}`,
      type: 'audit',
      at,
      actor: input.actor !== undefined ? input.actor : (req?.principal?.username ?? null),
      role: req?.principal?.role ?? null,
      action: input.action,
      mission: input.mission,
      outcome: input.outcome,
      ip: req?.ip ?? 'local',
      ...(input.details ? { details: input.details } : {}),
    };
    await this.sys.create(entry);
  }

  /** Newest first; filters apply within a bounded scan so one query never walks the whole log. */
  async read(q: {
    limit: number;
    cursor?: string;
    actor?: string;
    mission?: string;
    action?: string;
    /** ISO instant or bare date (from its first moment). */
    from?: string;
    /** ISO instant (exclusive) or bare date (to the end of that day, UTC). */
    to?: string;
  }): Promise<{ entries: AuditEntry[]; cursor: string | null }> {
    const entries: AuditEntry[] = [];
    let cursor = q.cursor;
    for (let scanned = 0; scanned < 10_000 && entries.length < q.limit;) {
      const page = await this.sys.list<AuditEntry>('audit:', { descending: true, limit: 500, cursor });
      if (page.length === 0) return { entries, cursor: null };
      for (const e of page) {
        scanned += 1;
        // Newest first: once past `from`, nothing older can match, and there is no next page.
        if (q.from !== undefined && e.at < q.from) return { entries, cursor: null };
        cursor = e._id;
        if (q.to !== undefined && (q.to.length === 10 ? e.at.slice(0, 10) > q.to : e.at >= q.to)) continue;
        if (q.actor !== undefined && e.actor !== q.actor) continue;
        if (q.mission !== undefined && e.mission !== q.mission) continue;
        if (q.action !== undefined && e.action !== q.action) continue;
        entries.push(e);
        if (entries.length === q.limit) break;
      }
    }
    return { entries, cursor: cursor ?? null };
  }
}
