import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTernFigures, reportModel, valueKey } from '@tern/profiles';
import type { ProfileBody, ProfileValue } from '@tern/profiles';
import { syntheticCaseDocs } from '@tern/research/testing';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { Projections } from '../../src/demography/projections.ts';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, get, profileApp, profileOfDoc, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/**
 * Tern's own figures in a profile (decision 212), against a real app on LevelDB with a real analytics
 * store: synthetic cases whose country of exploitation is Kenya, many in 2023–2024 and a handful in
 * 2019 (a small cell: present, but under k = 11, so it must come back withheld, never as a number).
 */
let t: ProfileApp;
const truth = new Map<number, number>();
const RUN = 'run000001' + '0123456789abcdef';

/** Synthetic docs with some destinations moved to Kenya (re-hashed, so every revision is honest). */
function toKenya(docs: WireDoc[], from: string): WireDoc[] {
  return docs.map((d) => {
    const { _id, _rev: _r, _revisions: _h, ...body } = d as WireDoc & Record<string, unknown>;
    const answers = body.answers as Record<string, unknown> | undefined;
    if (body.form === 'screening@1' && answers?.country_of_exploitation === from) {
      answers.country_of_exploitation = 'KEN';
      const year = Number(String(body.createdAt).slice(0, 4));
      truth.set(year, (truth.get(year) ?? 0) + 1);
    }
    const r = nextRevision(null, body as never);
    return { ...body, _id, _rev: r.rev, _revisions: r.revisions } as WireDoc;
  });
}

beforeAll(async () => {
  t = await profileApp({ missions: ['demo', 'other'], research: { awaitCatchUp: true } }, async (store) => {
    await store
      .mission('demo')
      .writeReplicated(
        toKenya(syntheticCaseDocs({ mission: 'demo', cases: 900, seed: 7, years: [2023, 2024] }), 'USA'),
      );
    await store
      .mission('demo')
      .writeReplicated(
        toKenya(syntheticCaseDocs({ mission: 'demo', cases: 40, seed: 8, years: [2019, 2019] }), 'USA'),
      );
    await store
      .mission('other')
      .writeReplicated(syntheticCaseDocs({ mission: 'other', cases: 50, seed: 9, years: [2023, 2023] }));
    const p = new Projections(store.system(), () => NOW.getTime());
    await p.createRun(
      {
        id: RUN,
        name: 'East Africa 2025',
        spec: { dataset: RUN, regions: ['KEN', 'UGA'], baseYear: 2025, steps: 2, scenarios: [] },
        datasetName: 'EAC regions',
        createdAt: AT,
        createdBy: 'admin',
      },
      {
        states: ['KEN', 'UGA'],
        ages: 2,
        width: 5,
        years: [2025, 2030, 2105],
        // [sex][age][state]: KEN is every even index.
        scenarios: [
          {
            name: 'baseline',
            population: [
              [100.4, 1, 200, 2, 300, 3, 400, 4],
              [110, 1, 210, 2, 310, 3, 410, 4],
              [1, 1, 1, 1, 1, 1, 1, 1],
            ],
          },
        ],
      },
    );
  });
  const draft = revise(null, 'profile:KEN:1', kenyaDraft({ by: 'national', at: AT, device: 'd', now: NOW }));
  expect((await push(t, 'national', 'KEN', [draft])).body.results[0]?.ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

const figures = (who: string, country: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/profiles/${country}/figures`,
    payload: payload as object,
    headers: { authorization: `Bearer ${t.tokens[who]}` },
  });

interface Pull {
  figures: ProfileValue[];
  withheld: Array<{ year: number; why: string }>;
  query: string;
}

const stored = async () => {
  const w = await t.store.profile('KEN').get('profile:KEN:1');
  return { wire: w as unknown as WireDoc, doc: profileOfDoc(w as unknown as WireDoc) };
};

describe("Tern's counter-trafficking figures", () => {
  let pull: Pull;

  it('come through the disclosure control: published years near the truth, a small cell withheld', async () => {
    // The fixture is what the test says it is: many cases in 2023–2024, a few (under k) in 2019.
    expect(truth.get(2023)).toBeGreaterThan(40);
    expect(truth.get(2024)).toBeGreaterThan(40);
    expect(truth.get(2019)).toBeGreaterThanOrEqual(1);
    expect(truth.get(2019)).toBeLessThan(11);

    const res = await figures('national', 'KEN', { kind: 'trafficking', from: 2019, to: 2024 });
    expect(res.statusCode, res.body).toBe(200);
    pull = res.json() as Pull;
    expect(pull.figures.map((f) => f.year)).toEqual([2023, 2024]);
    expect(pull.withheld.map((w) => w.year)).toEqual([2019, 2020, 2021, 2022]);
    expect(pull.withheld[0]!.why).toContain('fewer than 11 cases');
    // No number of the small year anywhere in the answer.
    expect(JSON.stringify(pull)).not.toMatch(/"value":\s*[1-9],/);
    for (const f of pull.figures) {
      const real = truth.get(f.year)!;
      expect(Math.abs(f.value - real)).toBeLessThanOrEqual(Math.max(10, real * 0.3));
      expect(f.value).toBeGreaterThanOrEqual(11);
      expect(f).toMatchObject({
        indicator: 'vots-assisted',
        unit: 'persons',
        source: 'Tern: counter-trafficking cases (all missions)',
        _id: valueKey('vots-assisted', f.year, 'Tern: counter-trafficking cases (all missions)'),
        tern: { kind: 'trafficking', pulledAt: AT, pulledBy: 'national' },
      });
      expect(f.tern!.query).toBe(
        'counter-trafficking cases, country of exploitation KEN, registered 2019–2024, all missions',
      );
      expect(f.note).toContain('pulled 2026-06-30');
      expect(f.reliability).toContain('fewer than 11 cases withheld');
      expect(f.tern!.seal).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('go into the draft, sync, and show in the report with their source, query and date', async () => {
    const { wire } = await stored();
    const next = revise(wire, wire._id, addTernFigures(profileOfDoc(wire), pull.figures));
    const r = await push(t, 'national', 'KEN', [next]);
    expect(r.body.results[0], JSON.stringify(r.body.results)).toMatchObject({ ok: true });
    const read = await get(t, 'reviewer', '/api/profiles/KEN/editions/1');
    const edition = (read.json() as { edition: ProfileBody }).edition;
    expect(edition.values.filter((v) => v.tern).map((v) => v.year)).toEqual([2023, 2024]);
    // A table of the section shows the indicator: the report cites Tern like any source.
    const doc: ProfileBody = {
      ...edition,
      sections: {
        ...edition.sections,
        'irregular-migration-trafficking': {
          ...edition.sections['irregular-migration-trafficking'],
          tables: [
            {
              _id: 'vots',
              title: { en: 'Victims assisted' },
              indicators: ['vots-assisted'],
              chart: 'none',
            },
          ],
        },
      },
    };
    const model = reportModel(doc, 'en', { preview: true });
    expect(model.footnotes.map((f) => f.source)).toContain('Tern: counter-trafficking cases (all missions)');
    const row = model.sections
      .flatMap((s) => s.tables.flatMap((tb) => tb.rows))
      .find((x) => x.source.startsWith('Tern'))!;
    expect(row.notes[0]!.text).toContain('disclosure control');
  });

  it('a figure changed on a device, made up, or moved to another country is refused at sync', async () => {
    const { wire, doc } = await stored();
    const sealed = doc.values.find((v) => v.tern)!;
    const bumped = revise(wire, wire._id, {
      ...doc,
      values: doc.values.map((v) => (v._id === sealed._id ? { ...v, value: v.value + 1 } : v)),
    });
    const made: ProfileValue = {
      ...sealed,
      source: 'Tern: invented',
      _id: valueKey(sealed.indicator, sealed.year, 'Tern: invented'),
    };
    delete (made as { tern?: unknown }).tern;
    const invented = revise(wire, wire._id, { ...doc, values: [...doc.values, made] });
    const renamed = revise(wire, wire._id, {
      ...doc,
      values: doc.values.map((v) =>
        v._id === sealed._id
          ? { ...v, source: 'National register', _id: valueKey(v.indicator, v.year, 'National register') }
          : v,
      ),
    });
    for (const forged of [bumped, invented, renamed]) {
      const r = await push(t, 'national', 'KEN', [forged]);
      expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_FIGURE_UNSEALED' });
    }
    expect((await stored()).wire._rev).toBe(wire._rev);
    // Uganda's team copies Kenya's sealed figure into Uganda's first edition: the seal names Kenya.
    const uga = kenyaDraft({ by: 'ugandan', at: AT, device: 'u', now: NOW });
    const copy = revise(null, 'profile:UGA:1', {
      ...uga,
      country: 'UGA',
      values: [...uga.values, sealed],
    } as ProfileBody);
    const r = await push(t, 'ugandan', 'UGA', [copy]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_FIGURE_UNSEALED' });
  });

  it('an import may not cite Tern', async () => {
    const { doc } = await stored();
    const { importCsv } = await import('@tern/profiles');
    const csv = 'indicator,country,year,value,source\nvots-assisted,KEN,2020,50,Tern\n';
    expect(() => importCsv(doc, csv, { now: NOW })).toThrow(/reserved for figures Tern computes/);
  });

  it('hostile permitted callers: another country, a reviewer, a mission not theirs, bad queries', async () => {
    const q = { kind: 'trafficking', from: 2023, to: 2024 };
    // National is team of Kenya only; ugandan is Kenya's reviewer (reads, but may not pull into it).
    for (const [who, country] of [
      ['national', 'UGA'],
      ['ugandan', 'KEN'],
      ['outsider', 'KEN'],
      ['reviewer', 'KEN'],
    ] as const) {
      const res = await figures(who, country, q);
      expect(res.statusCode, `${who} ${country}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'TERN_AUTH_FORBIDDEN' });
      expect(res.body).not.toMatch(/"figures"/);
    }
    // Uganda's team is a data officer of mission `demo`: counting `other` too is refused, naming it;
    // Kenya's team (a statistician, member of no mission) may not name a mission at all.
    const other = await figures('ugandan', 'UGA', { ...q, missions: ['demo', 'other'] });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('"other"');
    expect((await figures('national', 'KEN', { ...q, missions: ['demo'] })).statusCode).toBe(403);
    const none = await figures('ugandan', 'UGA', { ...q, missions: ['nope'] });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'TERN_MISSION_NOT_FOUND' });
    // Their own mission is fine; no case of `demo` was exploited in Uganda, so every year is withheld.
    const own = await figures('ugandan', 'UGA', { ...q, missions: ['demo'] });
    expect(own.statusCode).toBe(200);
    expect((own.json() as Pull).figures).toEqual([]);
    expect((own.json() as Pull).query).toContain('missions demo');
    expect((own.json() as Pull).withheld.map((w) => w.year)).toEqual([2023, 2024]);
    for (const bad of [
      { kind: 'trafficking', from: 2024, to: 2023 },
      { kind: 'trafficking', from: 1950, to: 2024 },
      { kind: 'raw-cases', from: 2023, to: 2024 },
      { kind: 'trafficking', from: 2023, to: 2024, filters: { gender: ['Female'] } },
    ]) {
      const res = await figures('national', 'KEN', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'TERN_BAD_REQUEST' });
    }
    // Every answered pull is audited with its query, never a count.
    const audit = await get(t, 'admin', '/api/admin/audit?action=profile.figures');
    const entries = (audit.json() as { entries: Array<{ details: Record<string, unknown> }> }).entries;
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(entries)).not.toMatch(/"value"/);
  });
});

describe("Tern's projection figures", () => {
  it("give a region's total population by year, rounded, years past 2100 withheld", async () => {
    const res = await figures('national', 'KEN', {
      kind: 'projection',
      run: RUN,
      scenario: 'baseline',
      region: 'KEN',
    });
    expect(res.statusCode, res.body).toBe(200);
    const pull = res.json() as Pull;
    expect(pull.figures.map((f) => [f.year, f.value])).toEqual([
      [2025, 1000],
      [2030, 1040],
    ]);
    expect(pull.withheld).toEqual([{ year: 2105, why: 'a profile holds years 1900–2100' }]);
    expect(pull.figures[0]).toMatchObject({
      indicator: 'population',
      source: 'Tern: projection "East Africa 2025", scenario "baseline"',
      tern: { kind: 'projection' },
    });
    expect(pull.figures[0]!.reliability).toContain('not an observation');
    // The same figures stored in the draft pass the seal check.
    const { wire } = await stored();
    const next = revise(wire, wire._id, addTernFigures(profileOfDoc(wire), pull.figures));
    expect((await push(t, 'national', 'KEN', [next])).body.results[0]).toMatchObject({ ok: true });
  });

  it('refuses an unknown run, scenario or region, and a caller without projections access', async () => {
    const base = { kind: 'projection', run: RUN, scenario: 'baseline', region: 'KEN' };
    const cases: Array<[unknown, number, string]> = [
      [{ ...base, run: 'run000002' + '0123456789abcdef' }, 404, 'TERN_NOT_FOUND'],
      [{ ...base, scenario: 'high' }, 400, 'TERN_BAD_REQUEST'],
      [{ ...base, region: 'Nairobi' }, 400, 'TERN_BAD_REQUEST'],
      [{ ...base, run: '../x' }, 400, 'TERN_BAD_REQUEST'],
    ];
    for (const [body, status, code] of cases) {
      const res = await figures('national', 'KEN', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
    // Uganda's team (a data officer: no projections access) may not pull a run into Uganda.
    const res = await figures('ugandan', 'UGA', { ...base, region: 'UGA' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('demography.read');
  });
});
