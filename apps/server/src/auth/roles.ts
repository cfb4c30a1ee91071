import type { Role } from '@tern/api';

/** The roles of docs/security.md and the account rules: the HTTP contract's (@tern/api). */
export {
  ROLES,
  USERNAME,
  Role as RoleShape,
  Username as UsernameShape,
  Password as PasswordShape,
} from '@tern/api';
export type { Role } from '@tern/api';

/** Who is making a request, as resolved from the session (auth/session-hook.ts). */
export interface Principal {
  username: string;
  role: Role;
  /** Missions an interviewer or data officer works in; ignored for admins and researchers. */
  missions: string[];
  /** Roles on countries' Migration Profiles (profiles/profile-grants.ts, decision 154); absent: none. */
  profiles?: ReadonlyArray<{ country: string; role: 'team' | 'reviewer' | 'publisher' }>;
}

/**
 * Roles whose accounts belong to no mission: admins (every mission), researchers (their grant) and
 * statisticians (projections only, no mission data).
 */
export const missionless = (role: Role): boolean =>
  role === 'admin' || role === 'researcher' || role === 'statistician';
