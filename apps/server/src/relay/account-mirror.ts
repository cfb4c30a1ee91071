import type { ServerStore } from '@tern/store';
import type { AccountDoc } from '../auth/accounts.ts';
import type { Role } from '../auth/roles.ts';
import type { Upstream } from './upstream.ts';

/** One field account as headquarters hands it to a relay (`GET /api/relay/accounts`). */
export interface RelayedAccount {
  username: string;
  role: Extract<Role, 'interviewer' | 'data_officer'>;
  missions: string[];
  /** The scrypt verifier (`scrypt$N$r$p$salt$hash`): never a password. */
  passwordHash: string;
  disabled: boolean;
  updatedAt: string;
}

/** A mirrored account in the relay's system database: marked as headquarters'. */
export type MirroredAccount = AccountDoc & { relayedFrom: string };

/**
 * Keeps the relay's copy of the field accounts of the missions it serves (decision 196): the
 * interviewers and data officers of those missions, with their password verifiers, so they log in at
 * the relay while headquarters is unreachable. Headquarters is the only place accounts are managed:
 * each pass makes the copy equal to what headquarters lists; an account it no longer lists for these
 * missions is disabled here (kept, never deleted: the audit log names it).
 */
export async function mirrorAccounts(
  store: ServerStore,
  up: Upstream,
  missions: readonly string[],
): Promise<{ changed: number; listed: number }> {
  const listed = new Map<string, RelayedAccount>();
  for (const m of missions) {
    const { accounts } = await up.json<{ accounts: RelayedAccount[] }>(
      'GET',
      `/api/relay/accounts?mission=${encodeURIComponent(m)}`,
    );
    for (const a of accounts) {
      const seen = listed.get(a.username);
      listed.set(a.username, seen ? { ...a, missions: [...new Set([...seen.missions, ...a.missions])] } : a);
    }
  }
  const sys = store.system();
  const held = await sys.list<MirroredAccount>('user:');
  const byName = new Map(held.map((a) => [a.username, a]));
  let changed = 0;
  for (const a of listed.values()) {
    const mine = byName.get(a.username);
    const next: MirroredAccount = {
      _id: `user:${a.username}`,
      ...(mine?._rev ? { _rev: mine._rev } : {}),
      type: 'user',
      username: a.username,
      role: a.role,
      missions: [...a.missions].sort(),
      passwordHash: a.passwordHash,
      disabled: a.disabled,
      createdAt: mine?.createdAt ?? a.updatedAt,
      createdBy: 'headquarters',
      updatedAt: a.updatedAt,
      relayedFrom: up.url,
    };
    if (mine && same(mine, next)) continue;
    await sys.put(next);
    changed += 1;
  }
  // Accounts headquarters no longer lists for these missions: disabled, not deleted.
  for (const mine of held) {
    if (mine.relayedFrom === undefined || listed.has(mine.username) || mine.disabled) continue;
    await sys.put({ ...mine, disabled: true, updatedAt: new Date().toISOString() });
    changed += 1;
  }
  return { changed, listed: listed.size };
}

const same = (a: MirroredAccount, b: MirroredAccount): boolean =>
  a.role === b.role &&
  a.passwordHash === b.passwordHash &&
  a.disabled === b.disabled &&
  a.relayedFrom === b.relayedFrom &&
  [...a.missions].sort().join('\n') === b.missions.join('\n');
