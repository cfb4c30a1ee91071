import { z } from 'zod';
import { DocIdShape, RevShape } from '../../src/routes/couch/couch-request.ts';

/**
 * THE import site of the zod schemas the hostile suite generates bodies and queries from: the
 * shared HTTP contract (packages/api) for the JSON API, and the CouchDB door's own shapes below.
 * A drifting copy would only make generated values less well-shaped; the mutations still reach the
 * route, and the oracles do not depend on these schemas.
 */
export {
  AccountListQuery as UserListQuery,
  AuditQuery,
  ConflictListQuery,
  CreateAccountRequest as UserCreateShape,
  CreateMissionRequest as MissionCreateShape,
  DatasetCreateRequest,
  ExportQuery,
  LoginRequest as LoginShape,
  MatchDecisionRequest,
  MatchPairsQuery,
  PasswordChangeRequest as PasswordChangeShape,
  ProfileDiffQuery,
  ProfileGrantRequest,
  ProfilePreviewQuery,
  PublicProfileQuery,
  RegisterDeviceRequest as DeviceRegister,
  RelayAccountsQuery,
  UpdateDeviceRequest as DeviceUpdateShape,
  UpdateMissionRequest as MissionUpdateShape,
  RunCreateRequest,
  ResearchExportQuery,
  ResearchFlowsRequest,
  ResearchGrantRequest,
  ResearchSeriesRequest,
  ResearchTableRequest,
  ResolveRequest as ResolveBody,
  SyncRequest as SyncRequestShape,
  UpdateAccountRequest as UserUpdateShape,
  WireDoc as WireDocShape,
} from '@tern/api';
export { RevShape, DocIdShape };

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
