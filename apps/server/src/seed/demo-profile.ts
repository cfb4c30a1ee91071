import { importSdmxCsv, newProfile, transition } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import type { ServerStore } from '@tern/store';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';

/**
 * Kenya's figures as SDMX-CSV, two sources for immigration that disagree in 2022 (45,000 against
 * 38,000: 15.6 %, beyond the 5 % tolerance). The same rows as @tern/profiles' fixture ken-sdmx-v1.csv.
 */
export const KENYA_SDMX = [
  'DATAFLOW,REF_AREA,INDICATOR,FREQ,TIME_PERIOD,UNIT_MEASURE,OBS_VALUE,UNIT_MULT,OBS_STATUS,SOURCE',
  'UN_DESA:MIGRANT_STOCK(1.0),KEN,FOREIGN_BORN_STOCK,A,2015,PS,1084.4,3,E,UN DESA International Migrant Stock 2024',
  'UN_DESA:MIGRANT_STOCK(1.0),KEN,FOREIGN_BORN_STOCK,A,2020,PS,1050.1,3,E,UN DESA International Migrant Stock 2024',
  'KNBS:CENSUS(1.0),KEN,FOREIGN_BORN_STOCK,A,2019,PS,1044916,0,A,KNBS 2019 Kenya Population and Housing Census',
  'UN_DESA:MIG_FLOWS(1.0),KEN,IMMIGRATION,A,2021,PS,41200,0,E,UN DESA International Migration Flows',
  'UN_DESA:MIG_FLOWS(1.0),KEN,IMMIGRATION,A,2022,PS,45000,0,E,UN DESA International Migration Flows',
  'KE_DIS:ENTRIES(1.0),KEN,IMMIGRATION,A,2021,PS,40900,0,A,Kenya Department of Immigration register',
  'KE_DIS:ENTRIES(1.0),KEN,IMMIGRATION,A,2022,PS,38000,0,P,Kenya Department of Immigration register',
  'WB:REMITTANCES(1.0),KEN,REMITTANCES,A,2022,USD,4027.6,6,A,World Bank / KNOMAD remittance data',
  '',
].join('\n');

/** A Kenyan first edition as the national team drafts it: title, one paragraph, a table, the figures. */
export function kenyaDraft(o: { by: string; at: string; device: string; now: Date }): ProfileBody {
  const p = newProfile({
    country: 'KEN',
    title: { en: 'Migration in Kenya: a country profile', fr: 'Migration au Kenya : profil de pays' },
    languages: ['en', 'fr'],
    ...o,
  });
  const trends = p.sections['migration-trends'];
  const drafted: ProfileBody = {
    ...p,
    sections: {
      ...p.sections,
      'migration-trends': {
        ...trends,
        paragraphs: [
          { _id: 'p1', text: { en: 'Kenya hosts about one million international migrants.' } },
          { _id: 'p2', text: { en: 'Most come from neighbouring countries.' } },
        ],
        tables: [
          {
            _id: 't1',
            title: { en: 'Immigration by source' },
            indicators: ['immigration', 'foreign-born-stock'],
            chart: 'line',
          },
        ],
      },
    },
  };
  return importSdmxCsv(drafted, KENYA_SDMX, { now: o.now, name: 'kenya.csv' }).profile;
}

/**
 * The demo's Kenyan profile (issue 15): edition 1 drafted, reviewed and published, so the public page
 * `/profiles/KEN` shows something from the first start. Idempotent: written once.
 */
export async function seedDemoProfile(store: ServerStore, now: () => number): Promise<boolean> {
  const db = store.profile('KEN');
  if (await db.get('profile:KEN:1')) return false;
  const at = new Date(now()).toISOString();
  let body = kenyaDraft({ by: 'national', at, device: 'demo-seed', now: new Date(now()) });
  body = transition(body, 'submit', { by: 'national', roles: ['team'], at });
  body = transition(body, 'approve', { by: 'reviewer', roles: ['reviewer'], at });
  body = transition(body, 'publish', { by: 'publisher', roles: ['publisher'], at });
  const r = nextRevision(null, body);
  const doc: WireDoc = { ...body, _id: 'profile:KEN:1', _rev: r.rev, _revisions: r.revisions };
  await db.writeReplicated([doc]);
  return true;
}
