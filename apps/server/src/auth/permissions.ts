import type { Action } from './authorize.ts';
import { grantAllows, grantedCountries, isProfileAction } from '../profiles/profile-grants.ts';
import { missionless } from './roles.ts';
import type { Principal, Role } from './roles.ts';

/**
 * Where a role may do an action: nowhere, in the missions it belongs to, or in every mission.
 * `all` with a null mission also covers the actions that are not about one mission (create a mission,
 * read the audit log).
 */
export type Scope = 'none' | 'own' | 'all';

/**
 * THE permission table: role × action → scope. Every route asks `decide()`; nothing else grants
 * access. apps/server/test/permissions-matrix.test.ts derives its expectations from this table.
 * docs/security.md shows it as a table for people.
 */
// One row per action, one line per row (the roles line up): the formatter is told to leave it.
// prettier-ignore
export const PERMISSIONS: Record<Action, Record<Role, Scope>> = {
  'sync.push': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'sync.pull': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'couch.read': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'own' },
  'couch.write': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'own' },
  // `_bulk_docs` with `new_edits:false` stores revisions as sent, histories and all: replicators
  // (a mission relay, a data officer's tools), not interviewers' accounts (docs/security.md).
  'couch.replicate': { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'own' },
  // A tombstone for a record: a data officer's act, with a reason (ingest/delete-rule.ts).
  'record.delete': { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'own' },
  'case.read': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'case.write': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  export: { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  // Approving or returning a submission: a field of the record, checked per document at both sync doors.
  review: { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  // Form definitions hold no personal data; every field role needs them to fill forms offline.
  'forms.read': { interviewer: 'all', data_officer: 'all', admin: 'all', researcher: 'none', statistician: 'none', relay: 'all' },
  // Exact record counts of a mission. Not for researchers: every number they see passes the research
  // disclosure control (docs/research-privacy.md), within their grant.
  'aggregate.read': { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'user.manage': { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'mission.manage': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'conflict.resolve': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'audit.read': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  admin: { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  // Research tables through the disclosure control. A researcher's "own" missions are the ones an
  // admin granted (research/grants.ts); field roles keep to their records (docs/security.md).
  'research.read': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'own', statistician: 'none', relay: 'none' },
  'research.grant': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  // Files of media answers (decision 125): uploaded by those who push records, read back by officers;
  // an interviewer's device keeps its own files and never downloads others'. A relay carries its
  // missions' files both ways (decisions 229–230): it uploads through the same checks as a tablet and
  // reads what its data officers may read at the relay; every read is audited at headquarters.
  'attachment.write': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'own' },
  'attachment.read': { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'own' },
  // Population projections (issue 14): data sets of published figures and projection runs, no mission
  // data, so no field role and no researcher (docs/decisions/126-statistician-role.md).
  'demography.read': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'all', relay: 'none' },
  'demography.write': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'all', relay: 'none' },
  // Matching across missions (issue 20): the review queue shows names from every mission and a link
  // joins two missions' cases, so only a role that covers every mission (decision 181).
  'match.review': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  // Migration Profiles (issue 15, decision 154): the scope is a country. `own` is a country where the
  // account holds a profile role that allows the action (profiles/profile-grants.ts), whatever its role.
  'profile.read': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'own', statistician: 'own', relay: 'none' },
  'profile.edit': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'own', statistician: 'own', relay: 'none' },
  'profile.review': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'own', statistician: 'own', relay: 'none' },
  'profile.publish': { interviewer: 'own', data_officer: 'own', admin: 'all', researcher: 'own', statistician: 'own', relay: 'none' },
  // A relay's account at headquarters (decision 194): the mission field accounts with their password
  // verifiers, so interviewers log in at the relay while headquarters is unreachable. Verifiers leave
  // headquarters for a relay only: not even an admin reads them.
  'relay.accounts': { interviewer: 'none', data_officer: 'none', admin: 'none', researcher: 'none', statistician: 'none', relay: 'own' },
  // The relay's own status page (relay/status-route.ts): the mission data officer's, on the relay.
  'relay.status': { interviewer: 'none', data_officer: 'own', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  'profile.grant': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
  // Settling a profile edition's conflict (decision 213): an admin's, as for the records' conflicts.
  'profile.resolve': { interviewer: 'none', data_officer: 'none', admin: 'all', researcher: 'none', statistician: 'none', relay: 'none' },
};

/**
 * Which roles may create or change an account of a given role. With `user.manage` scoped to a data
 * officer's own missions this gives "a data officer manages the interviewers of the mission".
 */
export const MANAGED_BY: Record<Role, Role[]> = {
  interviewer: ['data_officer', 'admin'],
  data_officer: ['admin'],
  admin: ['admin'],
  researcher: ['admin'],
  statistician: ['admin'],
  relay: ['admin'],
};

export interface Decision {
  allowed: boolean;
  /** Why not, in words for the 403 message and the audit log. */
  reason: string;
}

export function scopeOf(role: Role, action: Action): Scope {
  return PERMISSIONS[action][role];
}

export function decide(who: Principal, action: Action, mission: string | null): Decision {
  if (isProfileAction(action)) return decideProfile(who, action, mission);
  const scope = scopeOf(who.role, action);
  const where = mission === null ? '' : ` in mission ${JSON.stringify(mission)}`;
  const allowed = scope === 'all' || (scope === 'own' && mission !== null && who.missions.includes(mission));
  if (allowed) return { allowed, reason: '' };
  const why =
    scope === 'none'
      ? `the ${who.role} role does not allow ${action}`
      : scope === 'own' && mission !== null
        ? `your missions are ${who.missions.map((m) => JSON.stringify(m)).join(', ') || 'none'}`
        : `${action} needs a role that covers every mission`;
  return { allowed, reason: `${who.username} may not ${action}${where}: ${why}` };
}

/**
 * May `actor` create or change an account with this role and these missions? Both the role rule
 * (MANAGED_BY) and `user.manage` on every mission of the account must hold; an account with no
 * mission (admin, researcher, statistician) needs `user.manage` over all missions.
 */
export function decideAccount(actor: Principal, target: { role: Role; missions: string[] }): Decision {
  if (!MANAGED_BY[target.role].includes(actor.role)) {
    return {
      allowed: false,
      reason: `${actor.username} may not manage ${target.role} accounts: the ${actor.role} role does not allow it`,
    };
  }
  const missions = missionless(target.role) ? [null] : target.missions;
  for (const m of missions.length ? missions : [null]) {
    const d = decide(actor, 'user.manage', m);
    if (!d.allowed) return d;
  }
  return { allowed: true, reason: '' };
}

/** `profile.*`: the scope is a country; `own` is a country where a profile grant allows the action. */
function decideProfile(who: Principal, action: Action, country: string | null): Decision {
  const scope = scopeOf(who.role, action);
  const allowed =
    scope === 'all' || (scope === 'own' && country !== null && grantAllows(who, action, country));
  if (allowed) return { allowed, reason: '' };
  const where = country === null ? '' : ` for country ${JSON.stringify(country)}`;
  const granted = grantedCountries(who, action);
  const why =
    scope === 'none'
      ? `the ${who.role} role does not allow ${action}`
      : `your ${who.role} account holds a profile role allowing it for ${granted.map((c) => JSON.stringify(c)).join(', ') || 'no country'}`;
  return { allowed, reason: `${who.username} may not ${action}${where}: ${why}` };
}
