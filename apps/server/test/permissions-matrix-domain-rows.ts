import { regionSetCsv } from '@tern/demography/testing';
import type { Row } from './permissions-matrix-routes.ts';

// The permission matrix's rows for the demography and Migration Profile routes (issues 14 and 15),
// spread into ROUTES by permissions-matrix-routes.ts.

/** The compact sync door's smallest valid body (the mission and profile sync rows send it). */
export const syncBody = { protocol: 1, device: 'dev-matrix', docs: [], since: null, pullLimit: 10 };

/**
 * The demography routes (issue 14): list, create, read and delete data sets and runs. The ids read and
 * deleted are well formed and absent, so an allowed request is served a 404 (nothing is there to
 * delete) and the rows stay independent; demography/demography-routes.test.ts covers the stored ones.
 */
export function demographyRows(): Row[] {
  const absent = '0'.repeat(9) + 'f'.repeat(16);
  const csv = regionSetCsv({ regions: 2, ages: 4, seed: 11, time: '2024' });
  const rows: Row[] = [];
  for (const kind of ['datasets', 'runs'] as const) {
    rows.push(
      {
        name: `GET /api/demography/${kind}`,
        actions: ['demography.read'],
        scoped: false,
        request: () => ({ method: 'GET', url: `/api/demography/${kind}` }),
        ok: [200],
      },
      {
        name: `GET /api/demography/${kind}/:id`,
        actions: ['demography.read'],
        scoped: false,
        request: () => ({ method: 'GET', url: `/api/demography/${kind}/${absent}` }),
        ok: [404],
      },
      {
        name: `DELETE /api/demography/${kind}/:id`,
        actions: ['demography.write'],
        scoped: false,
        request: () => ({ method: 'DELETE', url: `/api/demography/${kind}/${absent}` }),
        ok: [404],
      },
    );
  }
  rows.push(
    {
      name: 'POST /api/demography/datasets',
      actions: ['demography.write'],
      scoped: false,
      request: (_m, n) => ({
        method: 'POST',
        url: '/api/demography/datasets',
        payload: { name: `matrix ${n}`, years: 1, csv },
      }),
      ok: [201],
    },
    {
      // Refers to no stored data set: allowed means past the permission check, then 404.
      name: 'POST /api/demography/runs',
      actions: ['demography.write'],
      scoped: false,
      request: () => ({
        method: 'POST',
        url: '/api/demography/runs',
        payload: {
          name: 'matrix',
          spec: { dataset: absent, regions: ['R000'], baseYear: 2024, steps: 1, scenarios: [] },
          results: {
            states: ['R000', 'R001'],
            ages: 4,
            width: 5,
            years: [2024, 2029],
            scenarios: [{ name: 'baseline', population: [] }],
          },
        },
      }),
      ok: [404],
    },
  );
  return rows;
}

/** The country a matrix row acts on: `demo` stands for the accounts' granted KEN, `other` for UGA. */
export const countryOf = (m: string): string => (m === 'demo' ? 'KEN' : 'UGA');

/** Migration Profiles (issue 15): grants, then the profile routes by country (decision 154). */
export function profileRows(): Row[] {
  return [
    {
      name: 'GET /api/users/:username/profile-grants',
      actions: ['profile.grant'],
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/users/iv-demo/profile-grants' }),
      ok: [200],
    },
    {
      name: 'PUT /api/users/:username/profile-grants',
      actions: ['profile.grant'],
      scoped: false,
      request: () => ({ method: 'PUT', url: '/api/users/iv-demo/profile-grants', payload: { grants: [] } }),
      ok: [200],
    },
    {
      name: 'POST /api/profiles/:country/sync',
      actions: ['profile.read'],
      scoped: true,
      request: (m) => ({ method: 'POST', url: `/api/profiles/${countryOf(m)}/sync`, payload: syncBody }),
      ok: [200],
    },
    {
      name: 'GET /api/profiles',
      actions: ['profile.read'],
      scoped: false,
      withinOwn: true,
      request: () => ({ method: 'GET', url: '/api/profiles' }),
      ok: [200],
    },
    // Tern's own figures (decision 212): the team's; answered with the (possibly all withheld) years.
    {
      name: 'POST /api/profiles/:country/figures',
      actions: ['profile.edit'],
      scoped: true,
      request: (m) => ({
        method: 'POST',
        url: `/api/profiles/${countryOf(m)}/figures`,
        payload: { kind: 'trafficking', from: 2020, to: 2021 },
      }),
      ok: [200],
    },
    // Settling a profile conflict (decision 213): admins only; nothing is in conflict, so a 404.
    {
      name: 'GET /api/admin/profile-conflicts',
      actions: ['profile.resolve'],
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/admin/profile-conflicts' }),
      ok: [200],
    },
    {
      name: 'GET /api/admin/profile-conflicts/:country/:edition',
      actions: ['profile.resolve'],
      scoped: true,
      request: (m) => ({ method: 'GET', url: `/api/admin/profile-conflicts/${countryOf(m)}/1` }),
      ok: [404],
    },
    {
      name: 'POST /api/admin/profile-conflicts/:country/:edition/resolve',
      actions: ['profile.resolve'],
      scoped: true,
      request: (m) => ({
        method: 'POST',
        url: `/api/admin/profile-conflicts/${countryOf(m)}/1/resolve`,
        payload: { revs: ['1-a', '1-b'], keep: 0 },
      }),
      ok: [404],
    },
    // Nothing is stored for the matrix: an allowed read is served a 404 (no such edition).
    ...['/editions/1', '/editions/1/gaps', '/editions/1/preview', '/diff?from=1&to=2'].map((path): Row => ({
      name: `GET /api/profiles/:country${path.replace('/1', '/:edition')}`,
      actions: ['profile.read'],
      scoped: true,
      request: (m) => ({ method: 'GET', url: `/api/profiles/${countryOf(m)}${path}` }),
      ok: [404],
    })),
  ];
}
