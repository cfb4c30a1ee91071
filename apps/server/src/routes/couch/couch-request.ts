import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MissionDb } from '@tern/store';
import type { Action } from '../../auth/authorize.ts';
import type { ServerDeps } from '../../deps.ts';
import type { ChangeHub } from '../../feeds/change-hub.ts';
import { CouchError } from './couch-errors.ts';

/**
 * What every CouchDB-door route plugin is given: the server deps and the door's one change watch per
 * mission for longpolls (held feeds end at shutdown through `deps.feeds`).
 */
export interface CouchDeps extends ServerDeps {
  changes: ChangeHub;
  /** The largest file a pushed `_attachments` entry may carry (decision 168; default as decision 125's). */
  maxAttachmentBytes?: number | undefined;
}

/**
 * `/couch/:db` names a mission by its id, unchanged (docs/decisions/020-couch-door.md). The one
 * authorisation hook decides first, exactly as on the compact door; only someone allowed to act in
 * `db` learns whether it exists (CouchDB's 404). The permission table does not depend on existence,
 * so a stranger gets the same 401/403 for a mission that exists and one that does not (issue 11, item 4).
 */
export async function openMission(
  req: FastifyRequest,
  deps: ServerDeps,
  db: string,
  action: Extract<Action, 'couch.read' | 'couch.write'>,
): Promise<MissionDb> {
  await deps.authorize(req, action, db);
  if (!deps.missionExists(db)) throw new CouchError('not_found', 'Database does not exist.');
  return deps.store.mission(db);
}

/** Parse a body or query with zod, or answer 400 bad_request naming the first bad path. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new CouchError('bad_request', `${what}: ${path}: ${issue.message}`);
}

/** CouchDB query booleans are the strings `true` and `false`. */
export const queryFlag = z
  .enum(['true', 'false'], { message: "must be 'true' or 'false'" })
  .optional()
  .transform((v) => v === 'true');

/** A revision id `N-hash`, as every CouchDB-compatible store writes it. */
export const RevShape = z
  .string()
  .regex(/^[1-9][0-9]*-[0-9a-zA-Z]+$/, 'must be a revision id N-hash')
  .max(80);

/** A document id in a URL or body: non-empty and short; which ids may be written is decided later. */
export const DocIdShape = z.string().min(1, 'must not be empty').max(200);
