import { openCtdcSources } from '@tern/research';
import { syntheticCtdcCsv } from '@tern/research/synthetic';
import type { ServerStore } from '@tern/store';
import { Missions } from '../auth/missions.ts';
import { registerDevice } from '../devices/device-registry.ts';
import { SEED_DEVICE } from './demo-cases.ts';
import { DEMO_RESEARCH_MISSIONS, demoResearchDocs } from './demo-research-docs.ts';
import type { DemoResearchMission } from './demo-research-docs.ts';

/** Marks a mission whose research demo cases are all written (a `_local` document: never replicated). */
const MARKER = 'tern-demo-research-seed';
/** Bump when the generated documents change, so an older demo is written again. */
const VERSION = 1;
export const DEMO_CTDC_SOURCE = 'ctdc:demo';
export const DEMO_CTDC_ROWS = 20_000;

export interface DemoResearchResult {
  missions: Array<{ id: string; cases: number; documents: number; skipped: boolean }>;
  ctdc: { id: string; rows: number; skipped: boolean };
  seconds: number;
}

/**
 * Seed the research demo (decision 107): three missions of synthetic cases shaped like CTDC's global
 * figures, and a synthetic CTDC-format dataset imported as the source `ctdc:demo`. Idempotent and
 * quick the second time: a mission carries a marker once all its documents are written (an
 * interrupted seed writes them again: the same revisions, so nothing doubles), and the source is only
 * imported when it is missing. Documents go through the mission store's replicated bulk write (the
 * path sync uses), not through the HTTP door.
 */
export async function seedDemoResearch(
  store: ServerStore,
  sourcesDir: string,
  o: { now?: () => number; missions?: readonly DemoResearchMission[]; ctdcRows?: number } = {},
): Promise<DemoResearchResult> {
  const started = performance.now();
  const missions = new Missions(store.system(), o.now ?? Date.now);
  const out: DemoResearchResult['missions'] = [];
  for (const m of o.missions ?? DEMO_RESEARCH_MISSIONS) {
    await missions.create({ id: m.id, name: m.name }, 'demo-seed', true);
    const db = store.mission(m.id);
    const marker = await db.getLocal(MARKER);
    if (marker?.version === VERSION && marker.cases === m.cases) {
      out.push({ id: m.id, cases: m.cases, documents: 0, skipped: true });
      continue;
    }
    const device = await registerDevice(store.ops(m.id), SEED_DEVICE, 'demo-seed');
    let documents = 0;
    // The next batch is made while LevelDB writes this one (its work is off the main thread).
    let writing: Promise<void> = Promise.resolve();
    for (const docs of demoResearchDocs(m, device.number)) {
      await writing;
      writing = db.writeReplicated(docs).then((results) => {
        const failed = results.filter((r) => !r.ok);
        if (failed.length)
          throw new Error(
            `demo research cases of ${m.id}: ${failed.length} not stored, first: ${failed[0]!.reason}`,
          );
      });
      writing.catch(() => undefined); // awaited in turn
      documents += docs.length;
    }
    await writing;
    const previous = await db.getLocal(MARKER);
    await db.putLocal(MARKER, {
      ...(previous?._rev ? { _rev: previous._rev } : {}),
      version: VERSION,
      cases: m.cases,
    });
    out.push({ id: m.id, cases: m.cases, documents, skipped: false });
  }

  const sources = await openCtdcSources(sourcesDir);
  try {
    const existing = sources.list().find((s) => s.id === DEMO_CTDC_SOURCE);
    if (existing)
      return {
        missions: out,
        ctdc: { id: existing.id, rows: existing.rows, skipped: true },
        seconds: (performance.now() - started) / 1000,
      };
    const report = await sources.import(
      DEMO_CTDC_SOURCE,
      'Synthetic CTDC global dataset (demo)',
      syntheticCtdcCsv({ rows: o.ctdcRows ?? DEMO_CTDC_ROWS, seed: 2020 }),
    );
    if (!report.ok) throw new Error(`the demo CTDC dataset was not imported: ${report.problem}`);
    return {
      missions: out,
      ctdc: { id: report.id, rows: report.rows, skipped: false },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await sources.close();
  }
}
