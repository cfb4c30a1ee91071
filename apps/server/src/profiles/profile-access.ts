import type { FastifyRequest } from 'fastify';
import { ProfileCountryParams } from '@tern/api';
import { isAlpha3 } from '@tern/profiles';
import type { ProfileRole } from '@tern/profiles';
import type { Action } from '../auth/authorize.ts';
import { decide } from '../auth/permissions.ts';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { parseRequest } from '../validate-request.ts';

/** The action of the permission table that stands for each profile role (decision 154). */
const ROLE_ACTION: Record<ProfileRole, Action> = {
  team: 'profile.edit',
  reviewer: 'profile.review',
  publisher: 'profile.publish',
};

/** The country of a profile route: alpha-3 in capitals and an assigned code, or 400 saying so. */
export function countryParam(params: unknown): string {
  const { country } = parseRequest(ProfileCountryParams, params, 'Country');
  if (!isAlpha3(country))
    throw new TernError(
      'TERN_BAD_REQUEST',
      `Country: ${country} is not an assigned ISO 3166-1 alpha-3 country code`,
    );
  return country;
}

/**
 * The profile roles the caller holds on `country`, read from the permission table: a role counts when
 * `decide()` allows its action there (an admin's `all` gives the three).
 */
export function rolesOn(req: FastifyRequest, country: string): ProfileRole[] {
  const who = req.principal;
  if (!who) return [];
  return (Object.keys(ROLE_ACTION) as ProfileRole[]).filter(
    (r) => decide(who, ROLE_ACTION[r], country).allowed,
  );
}

/** Authorise `profile.read` on the country and return it with the caller's roles there. */
export async function readAccess(
  deps: ServerDeps,
  req: FastifyRequest,
): Promise<{ country: string; roles: ProfileRole[] }> {
  // Who asks is settled first (401 before anything is said of the country), then the code's shape.
  const raw = (req.params as { country?: unknown }).country;
  await deps.authorize(req, 'profile.read', typeof raw === 'string' ? raw : null);
  const country = countryParam(req.params);
  return { country, roles: rolesOn(req, country) };
}
