import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deidentifyCase,
  disclosureParams,
  openCtdcSources,
  researchKeys,
  researchTable,
} from '@tern/research';
import type { ResearchRow } from '@tern/research';
import { MemoryAnalyticsStore } from '@tern/research/testing';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { builtinLookup, checkDoc } from '../src/ingest/check-doc.ts';
import { seedDemoResearch } from '../src/seed/demo-research.ts';
import { DEMO_RESEARCH_MISSIONS, demoResearchDocs } from '../src/seed/demo-research-docs.ts';

const keys = researchKeys('the research secret of the demo seed tests, 32 bytes');
const small = DEMO_RESEARCH_MISSIONS.map((m) => ({ ...m, cases: 4000 }));

function rowsOf(docs: WireDoc[], mission: string): ResearchRow[] {
  const subs = new Map<string, WireDoc[]>();
  for (const d of docs)
    if (typeof d.caseId === 'string') subs.set(d.caseId, [...(subs.get(d.caseId) ?? []), d]);
  return docs
    .filter((d) => d._id.startsWith('case:'))
    .map((c) => deidentifyCase(c, subs.get(c._id) ?? [], mission, keys))
    .filter((r): r is ResearchRow => r !== null);
}

describe('research demo seed', { timeout: 60_000 }, () => {
  const docs = small.map((m) => [...demoResearchDocs(m, 1)].flat());

  it('makes documents that pass the same admission as pushed ones', () => {
    const refused = docs.flatMap((ds, i) =>
      ds.slice(0, 3000).flatMap((d) => {
        const r = checkDoc(d, small[i]!.id, builtinLookup, { verifyRevs: true });
        return r ? [{ id: d._id, r }] : [];
      }),
    );
    expect(refused).toEqual([]);
  });

  it('shows trends at k = 11: women the majority, registrations rising, each region its own corridors', async () => {
    const rows = small.flatMap((m, i) => rowsOf(docs[i]!, m.id));
    expect(rows).toHaveLength(12_000);
    const store = MemoryAnalyticsStore.fromRows(rows);
    const scope = { missions: small.map((m) => m.id) };
    const p = disclosureParams();
    const gender = await researchTable(store, { dims: ['gender'] }, scope, p);
    const share = (v: string) => gender.cells.find((c) => c.values[0] === v)!.value / gender.total;
    expect(share('Feminine')).toBeGreaterThan(0.6);
    expect(share('Feminine')).toBeLessThan(0.8);
    const years = await researchTable(store, { dims: ['year'] }, scope, p);
    const y = (v: string) => years.cells.find((c) => c.values[0] === v)?.value ?? 0;
    expect(y('2018')).toBeGreaterThan(3 * y('2004'));
    expect(y('2020')).toBeLessThan(y('2019'));
    // A three-way table over the demo: most cells published, some suppressed.
    const three = await researchTable(store, { dims: ['mission', 'exploitation', 'ageBand'] }, scope, p);
    expect(three.cells.length).toBeGreaterThan(60);
    const north = await researchTable(
      store,
      { dims: ['citizenship'], filters: { mission: ['demo-north'] } },
      scope,
      p,
    );
    expect(north.cells.map((c) => c.values[0])).toContain('UA');
    expect(north.cells.map((c) => c.values[0])).not.toContain('PH');
  });

  it('is idempotent: the second run writes nothing and keeps the CTDC source', async () => {
    const store = new TernStore({ kind: 'memory', prefix: `research-seed-${Date.now()}` });
    const dir = mkdtempSync(join(tmpdir(), 'tern-demo-research-'));
    const tiny = small.map((m) => ({ ...m, cases: 150 }));
    try {
      const first = await seedDemoResearch(store, dir, { missions: tiny, ctdcRows: 300 });
      expect(first.missions.map((m) => m.skipped)).toEqual([false, false, false]);
      expect(first.ctdc).toEqual({ id: 'ctdc:demo', rows: 300, skipped: false });
      const counts = await Promise.all(tiny.map((m) => store.mission(m.id).info()));
      const again = await seedDemoResearch(store, dir, { missions: tiny, ctdcRows: 300 });
      expect(again.missions.map((m) => m.skipped)).toEqual([true, true, true]);
      expect(again.ctdc.skipped).toBe(true);
      expect(await Promise.all(tiny.map((m) => store.mission(m.id).info()))).toEqual(counts);
      expect(counts[0]!.docCount).toBe([...demoResearchDocs(tiny[0]!, 1)].flat().length);
      const sources = await openCtdcSources(dir);
      expect(sources.list().map((s) => s.id)).toEqual(['ctdc:demo']);
      await sources.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
