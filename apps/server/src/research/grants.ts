import type { AccountDoc } from '../auth/accounts.ts';
import type { Principal } from '../auth/roles.ts';
import { scopeOf } from '../auth/permissions.ts';

/**
 * A researcher's grant (docs/decisions/104-research-grants-and-feeding.md): the missions an admin
 * opened to them for research, or all of them (every mission that exists when a query runs, so a
 * mission created later is included). Kept on the account document; no grant means no missions.
 */
export interface ResearchGrant {
  all: boolean;
  missions: string[];
  grantedBy: string;
  grantedAt: string;
}

/**
 * The missions whose cases `who` may count: an admin's are every mission (`research.read` is `all`
 * for the role), a researcher's are their grant's that still exist, anyone else's none. Sorted.
 */
export function researchMissions(
  who: Principal,
  account: Pick<AccountDoc, 'researchGrant'> | undefined,
  existing: readonly string[],
): string[] {
  const scope = scopeOf(who.role, 'research.read');
  if (scope === 'all') return [...existing].sort();
  if (scope === 'none') return [];
  // A researcher's own missions are the granted ones (their account belongs to no mission).
  if (who.role !== 'researcher') return who.missions.filter((m) => existing.includes(m)).sort();
  const grant = account?.researchGrant;
  if (!grant) return [];
  if (grant.all) return [...existing].sort();
  return grant.missions.filter((m) => existing.includes(m)).sort();
}
