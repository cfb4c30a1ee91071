import { z } from 'zod';
import { MissionId } from './common.ts';
import { Password, Role, Username } from './auth.ts';

const MissionList = z.array(MissionId).max(100);

/** An account as the API shows it: never a password hash. */
export const PublicAccount = z.object({
  username: z.string(),
  role: Role,
  missions: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type PublicAccount = z.infer<typeof PublicAccount>;

/** `POST /api/users`. */
export const CreateAccountRequest = z.object({
  username: Username,
  password: Password,
  role: Role,
  missions: MissionList.default([]),
});

/** `PATCH /api/users/:username`. */
export const UpdateAccountRequest = z
  .object({
    password: Password.optional(),
    disabled: z.boolean().optional(),
    role: Role.optional(),
    missions: MissionList.optional(),
  })
  .strict();

export const AccountParams = z.object({ username: Username });

/** `GET /api/users?mission=`. */
export const AccountListQuery = z.object({ mission: MissionId.optional() }).strict();

export const AccountResponse = z.object({ user: PublicAccount });
export const AccountListResponse = z.object({ users: z.array(PublicAccount) });

/** `GET /api/relay/accounts?mission=` (a relay's account at headquarters, decision 196). */
export const RelayAccountsQuery = z.object({ mission: MissionId }).strict();
