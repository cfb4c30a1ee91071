import type { DocStore } from '@tern/store';
import { regionSetCsv } from '@tern/demography/testing';
import { checkDataset } from '../demography/check-dataset.ts';
import { Projections } from '../demography/projections.ts';

export const DEMO_DATASET_NAME = 'Demo: four synthetic NUTS2 regions, 2024';

/**
 * A small demo data set for the projection workspace: four regions with Austrian NUTS2 codes and
 * synthetic figures (@tern/demography's seeded region set, not real data), stored through the same
 * import check as an upload. Idempotent: nothing is added when a data set of that name exists.
 */
export async function seedDemoDemography(sys: DocStore, now: () => number): Promise<boolean> {
  const store = new Projections(sys, now);
  if ((await store.listDatasets()).some((d) => d.name === DEMO_DATASET_NAME)) return false;
  const csv = regionSetCsv({ regions: 4, seed: 2024, time: '2024', names: ['AT11', 'AT12', 'AT13', 'AT21'] });
  const body = { name: DEMO_DATASET_NAME, years: 1, csv };
  const facts = checkDataset(body);
  await store.createDataset(
    {
      id: store.newId(),
      name: body.name,
      years: 1,
      ...facts,
      createdAt: new Date(now()).toISOString(),
      createdBy: 'demo-seed',
    },
    { csv },
  );
  return true;
}
