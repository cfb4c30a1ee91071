import { z } from 'zod';

/** The four roles of docs/security.md. Missions scope interviewers and data officers only. */
export const ROLES = ['interviewer', 'data_officer', 'admin', 'researcher'] as const;
export type Role = (typeof ROLES)[number];
export const RoleShape = z.enum(ROLES);

/** Who is making a request, as resolved from the session (auth/session-hook.ts). */
export interface Principal {
  username: string;
  role: Role;
  /** Missions an interviewer or data officer works in; ignored for admins and researchers. */
  missions: string[];
}

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
export const UsernameShape = z
  .string()
  .regex(USERNAME, 'username: 2-63 lowercase letters, digits, ".", "_" or "-"');
export const PasswordShape = z.string().min(10, 'password: at least 10 characters').max(256);
