import type { ProfileRole } from '@tern/profiles';
import type { Action } from '../auth/authorize.ts';
import type { Principal } from '../auth/roles.ts';

/** One role on one country's Migration Profile, granted by an admin (decision 154). */
export interface ProfileGrant {
  /** ISO 3166-1 alpha-3, upper case (`KEN`). */
  country: string;
  role: ProfileRole;
}

/** An account's profile grants as stored on the account document (auth/accounts.ts). */
export interface ProfileGrants {
  grants: ProfileGrant[];
  grantedBy: string;
  grantedAt: string;
}

export const PROFILE_ROLES: readonly ProfileRole[] = ['team', 'reviewer', 'publisher'];

/**
 * Which profile role allows which `profile.*` action in its country. With the rows of PERMISSIONS
 * (`own` for every account role, `all` for admins) this is the whole rule: `own` means "a country
 * where the account holds a role listed here for the action". Reading belongs to every role; the
 * per-document rule of what a pushed revision may change is @tern/profiles' `checkEdit`.
 */
export const PROFILE_ROLE_ACTIONS: Record<ProfileRole, readonly Action[]> = {
  team: ['profile.read', 'profile.edit'],
  reviewer: ['profile.read', 'profile.review'],
  publisher: ['profile.read', 'profile.publish'],
};

export const isProfileAction = (action: Action): boolean => action.startsWith('profile.');

/** The roles `who` holds on `country`'s profile (an admin's are all three: see `actorRoles`). */
export function grantedRoles(who: Principal, country: string): ProfileRole[] {
  return PROFILE_ROLES.filter((r) => (who.profiles ?? []).some((g) => g.country === country && g.role === r));
}

/** Countries where `who` may do `action` through a grant, sorted. */
export function grantedCountries(who: Principal, action: Action): string[] {
  const out = new Set<string>();
  for (const g of who.profiles ?? []) if (PROFILE_ROLE_ACTIONS[g.role].includes(action)) out.add(g.country);
  return [...out].sort();
}

/** May `who` do `action` on `country`'s profile through one of their grants? */
export const grantAllows = (who: Principal, action: Action, country: string): boolean =>
  grantedCountries(who, action).includes(country);
