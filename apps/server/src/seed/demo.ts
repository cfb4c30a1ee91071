import { pathToFileURL } from 'node:url';
import type { TernStore } from '@tern/store';
import { Accounts } from '../auth/accounts.ts';
import { Missions } from '../auth/missions.ts';
import type { Role } from '../auth/roles.ts';
import type { ProfileRole } from '@tern/profiles';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoDemography } from './demo-demography.ts';
import { seedDemoProfile } from './demo-profile.ts';

/**
 * Demo accounts for `npm start` (listed in the README). Passwords are public: never seed a server that
 * holds real data.
 */
export const DEMO_USERS: ReadonlyArray<{ username: string; password: string; role: Role }> = [
  { username: 'admin', password: 'demo-admin-pass', role: 'admin' },
  { username: 'officer', password: 'demo-officer-pass', role: 'data_officer' },
  { username: 'interviewer', password: 'demo-interviewer-pass', role: 'interviewer' },
  { username: 'researcher', password: 'demo-researcher-pass', role: 'researcher' },
  { username: 'statistician', password: 'demo-statistician-pass', role: 'statistician' },
  // Kenya's Migration Profile (issue 15): statisticians by account, each with one role on KEN.
  { username: 'national', password: 'demo-national-pass', role: 'statistician' },
  { username: 'reviewer', password: 'demo-reviewer-pass', role: 'statistician' },
  { username: 'publisher', password: 'demo-publisher-pass', role: 'statistician' },
];

/** The demo accounts' roles on Kenya's profile (decision 154). */
export const DEMO_PROFILE_GRANTS: ReadonlyArray<{ username: string; country: string; role: ProfileRole }> = [
  { username: 'national', country: 'KEN', role: 'team' },
  { username: 'reviewer', country: 'KEN', role: 'reviewer' },
  { username: 'publisher', country: 'KEN', role: 'publisher' },
];
export const DEMO_MISSION = 'demo';

/**
 * Create the demo mission and one account per role, and with `cases` about 200 synthetic cases.
 * Idempotent: what exists is left as it is.
 */
export async function seedDemo(
  store: TernStore,
  now: () => number = Date.now,
  /** `cases`: true for the ~200 demo cases, or a number of such batches (25 → 5,000 cases). */
  opts: { cases?: boolean | number } = {},
): Promise<string[]> {
  const sys = store.system();
  const missions = new Missions(sys, now);
  const accounts = new Accounts(sys, now);
  await missions.create({ id: DEMO_MISSION, name: 'Demo mission' }, 'demo-seed', true);
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await accounts.get(u.username)) continue;
    await accounts.create({ ...u, missions: [DEMO_MISSION] }, 'demo-seed');
    created.push(u.username);
  }
  // The demo researcher may count every mission (research grants: decision 104), seeded ones included.
  const researcher = await accounts.get('researcher');
  if (researcher?.role === 'researcher' && !researcher.researchGrant)
    await accounts.setResearchGrant('researcher', {
      all: true,
      missions: [],
      grantedBy: 'demo-seed',
      grantedAt: new Date(now()).toISOString(),
    });
  for (const g of DEMO_PROFILE_GRANTS) {
    const a = await accounts.get(g.username);
    if (a && !a.profileGrants)
      await accounts.setProfileGrants(g.username, {
        grants: [{ country: g.country, role: g.role }],
        grantedBy: 'demo-seed',
        grantedAt: new Date(now()).toISOString(),
      });
  }
  // Kenya's published Migration Profile, edition 1 (issue 15): the public page has something to show.
  await seedDemoProfile(store, now);
  // A data set for the statistician's projection workspace (issue 14).
  await seedDemoDemography(sys, now);
  // About 200 synthetic cases with their forms; the same documents every time (demo-cases.ts).
  if (opts.cases) await seedDemoCases(store, DEMO_MISSION, opts.cases === true ? 1 : opts.cases);
  return created;
}

// `node --import tsx apps/server/src/seed/demo.ts` (scripts/start.mjs runs it before the server).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { readConfig } = await import('../config.ts');
  const { seedDemoResearch } = await import('./demo-research.ts');
  const config = readConfig();
  const { openStore } = await import('../open-store.ts');
  const store = openStore(config);
  try {
    // `npm start` seeds the demo cases; tests that need an empty mission set TERN_DEMO_CASES=0, and
    // TERN_DEMO_CASES=25 seeds 25 batches of 200 (the warm-start benchmark's 5,000 cases).
    const batches = Number(process.env.TERN_DEMO_CASES ?? '1');
    const created = await seedDemo(store, Date.now, {
      cases: Number.isInteger(batches) && batches > 0 ? batches : false,
    });
    console.log(
      created.length
        ? `demo seed: mission "${DEMO_MISSION}", accounts ${created.join(', ')} (passwords in the README)`
        : 'demo seed: already there, nothing changed',
    );
    // The research demo (30,000 cases in three missions, the source ctdc:demo); TERN_DEMO_RESEARCH=0 skips it.
    if (process.env.TERN_DEMO_RESEARCH !== '0') {
      const r = await seedDemoResearch(store, config.research.sourcesDir);
      const written = r.missions.filter((m) => !m.skipped);
      console.log(
        `demo research seed: ${r.missions.map((m) => `${m.id} (${m.cases.toLocaleString('en')} cases${m.skipped ? ', already there' : ''})`).join(', ')}; ` +
          `${r.ctdc.id} (${r.ctdc.rows.toLocaleString('en')} rows${r.ctdc.skipped ? ', already there' : ''}); ` +
          `${written.reduce((s, m) => s + m.documents, 0).toLocaleString('en')} documents written in ${r.seconds.toFixed(1)} s`,
      );
    }
  } finally {
    await store.close();
  }
}
