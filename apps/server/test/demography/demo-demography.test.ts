import { describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { DEMO_DATASET_NAME } from '../../src/seed/demo-demography.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { Accounts } from '../../src/auth/accounts.ts';
import { Projections } from '../../src/demography/projections.ts';

describe('the demo seed for the projection workspace', () => {
  it('adds a statistician account and one four-region data set, once', async () => {
    const store = new TernStore({ kind: 'memory', prefix: `demog-seed-${Date.now()}` });
    try {
      await seedDemo(store);
      await seedDemo(store);
      const account = await new Accounts(store.system(), Date.now).get('statistician');
      expect(account).toMatchObject({ role: 'statistician', missions: [] });
      const sets = await new Projections(store.system(), Date.now).listDatasets();
      expect(sets).toHaveLength(1);
      expect(sets[0]).toMatchObject({
        name: DEMO_DATASET_NAME,
        states: ['AT11', 'AT12', 'AT13', 'AT21'],
        ages: 18,
        time: '2024',
      });
    } finally {
      await store.close();
    }
  });
});
