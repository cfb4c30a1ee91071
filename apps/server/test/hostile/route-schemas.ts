import { z } from 'zod';
import { PasswordShape, RoleShape, UsernameShape } from '../../src/auth/roles.ts';
import { DocIdShape, RevShape } from '../../src/routes/couch/couch-request.ts';
import { WireDocShape } from '../../src/validate-doc.ts';

/**
 * THE import site of the zod schemas the hostile suite generates bodies and queries from.
 *
 * Most route schemas are module-private in apps/server/src today, so those below that are not imported
 * are copies of the route's own (same name, same rules). When packages/api exports the schemas of every
 * body, replace each copy with `export { X } from '@tern/api'` and nothing else in the suite changes.
 * A copy that drifts only makes the generated values less well-shaped; the mutations still reach the
 * route, and the oracles do not depend on these schemas.
 */
export { WireDocShape, RevShape, DocIdShape };

const Mission = z.string().min(1).max(63);

/** routes/auth-routes.ts */
export const LoginShape = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(256),
  bearer: z.boolean().optional(),
});
export const PasswordChangeShape = z
  .object({ current: z.string().min(1).max(256), next: PasswordShape })
  .strict();

/** routes/account-routes.ts */
export const UserCreateShape = z.object({
  username: UsernameShape,
  password: PasswordShape,
  role: RoleShape,
  missions: z.array(Mission).max(100).default([]),
});
export const UserUpdateShape = z
  .object({
    password: PasswordShape.optional(),
    disabled: z.boolean().optional(),
    role: RoleShape.optional(),
    missions: z.array(Mission).max(100).optional(),
  })
  .strict();
export const UserListQuery = z.object({ mission: Mission.optional() }).strict();

/** routes/mission-routes.ts */
export const MissionCreateShape = z
  .object({ id: Mission, name: z.string().min(1).max(200).optional() })
  .strict();

/** routes/audit-route.ts */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().startsWith('audit:').max(100).optional(),
    actor: z.string().min(1).max(100).optional(),
    mission: Mission.optional(),
    action: z.string().min(1).max(50).optional(),
  })
  .strict();

/** routes/conflicts-route.ts */
export const ConflictListQuery = z.object({
  mission: z.string().max(63).optional(),
  form: z.string().max(120).optional(),
  minAgeDays: z.coerce.number().min(0).max(3650).optional(),
});
export const ResolveBody = z.object({
  revs: z.tuple([RevShape, RevShape]),
  choices: z.record(
    z.string().min(1).max(500),
    z.union([z.object({ pick: z.union([z.literal(0), z.literal(1)]) }), z.object({ value: z.unknown() })]),
  ),
});

/** routes/devices-route.ts */
export const DeviceRegister = z.object({ deviceId: z.string().regex(/^dev-[0-9A-Z]{26}$/) });

/** routes/export-route.ts */
export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['en', 'fr', 'es', 'ar', 'ru']).default('en'),
  form: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*@[^@\s]+$/)
    .optional(),
});

/** routes/compact-sync-route.ts (docs come from doc-recipes.ts, `since` from SINCE values). */
export const SyncRequestShape = z.object({
  protocol: z.literal(1),
  device: z.string().min(1).max(64),
  docs: z.array(WireDocShape).max(1000),
  since: z.string().max(200).nullable(),
  pullLimit: z.number().int().min(0).max(10_000),
  waiting: z.number().int().min(0).optional(),
});

/** routes/couch/*.ts */
const queryFlag = z.enum(['true', 'false']).optional();
export const ChangesQuery = z.object({
  since: z
    .string()
    .regex(/^(now|[0-9]+)$/)
    .optional(),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/)
    .optional(),
  style: z.enum(['main_only', 'all_docs']).optional(),
  include_docs: queryFlag,
  conflicts: queryFlag,
});
export const DocQuery = z.object({
  rev: RevShape.optional(),
  revs: queryFlag,
  conflicts: queryFlag,
  latest: queryFlag,
  open_revs: z.enum(['all', '["1-abc"]', '[]', 'x']).optional(),
});
export const BulkGetBody = z.object({
  docs: z.array(z.object({ id: DocIdShape, rev: RevShape.optional() })).max(1000),
});
export const RevsDiffBody = z.record(DocIdShape, z.array(RevShape).min(1).max(1000));
export const LocalBody = z
  .object({
    _rev: z
      .string()
      .regex(/^0-[0-9]+$/)
      .optional(),
  })
  .loose();
