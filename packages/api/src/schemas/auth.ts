import { z } from 'zod';

/**
 * The roles of docs/security.md. Missions scope interviewers, data officers and relays. A `relay` is
 * the account a mission relay (a Tern server in a field office) uses at headquarters: it replicates
 * its missions and reads their field accounts, and never logs in to the app (decision 194).
 */
export const ROLES = ['interviewer', 'data_officer', 'admin', 'researcher', 'statistician', 'relay'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
export const Username = z
  .string()
  .regex(USERNAME, 'username: 2-63 lowercase letters, digits, ".", "_" or "-"');
export const Password = z.string().min(10, 'password: at least 10 characters').max(256);

/** Who is logged in, as the server resolved the session. */
export const Principal = z.object({
  username: z.string(),
  role: Role,
  /** Missions an interviewer or data officer works in; empty for admins, researchers and statisticians. */
  missions: z.array(z.string()),
});
export type Principal = z.infer<typeof Principal>;

/** `POST /api/auth/login`. */
export const LoginRequest = z.object({
  // Not checked against the username rule: a malformed name gets the same answer as a wrong password.
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(256),
  /** Return the session token in the body too (for replicators and scripts; the PWA uses the cookie). */
  bearer: z.boolean().optional(),
  /**
   * The device the login is made on (its `dev-<ULID>`, as registered): the session is bound to it,
   * refused where the device is retired and ended when it is retired (decision 221). The PWA always
   * names it; replicators and scripts may leave it out.
   */
  device: z
    .string()
    .regex(/^dev-[0-9A-Z]{26}$/, 'device must be dev-<ULID>')
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  user: Principal,
  expiresAt: z.iso.datetime(),
  /** Each mission's device data key (base64), for the missions whose records this account may hold. */
  deviceKeys: z.record(z.string(), z.string()),
  /**
   * Each granted country's Migration Profile device key (base64), sealing profile drafts on a device
   * (decision 186). Absent from servers before it.
   */
  profileKeys: z.record(z.string(), z.string()).optional(),
  token: z.string().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** `POST /api/auth/password`: own password. */
export const PasswordChangeRequest = z
  .object({ current: z.string().min(1).max(256), next: Password })
  .strict();

/** `GET /api/auth/me`. */
export const MeResponse = z.object({ user: Principal });
