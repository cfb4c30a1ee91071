import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { disclosureParams, openDuckDbStore, peopleGroups, researchKeys } from '@tern/research';
import type { AnalyticsStore, DisclosureParams, ResearchKeys } from '@tern/research';
import type { ServerStore } from '@tern/store';
import { AnalyticsFeeder } from './analytics-feeder.ts';
import { QueryBudget } from './query-budget.ts';
import { NO_SOURCES } from './research-sources.ts';
import type { ResearchSources } from './research-sources.ts';

export interface CaseKey {
  readonly mission: string;
  readonly caseId: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's research side (tests wait on its feeder; the rebuild command uses its own). */
    research: Research;
  }
}

/** How the server does research (AppOptions.research; main.ts fills it from config.ts). */
export interface ResearchOptions {
  /** The DuckDB analytics store file; `:memory:` when absent (tests). */
  dbPath?: string;
  /** The research secret (≥ 32 bytes); a random one when absent (tests: nothing outlives the process). */
  secret?: string | Uint8Array;
  /** The suppression threshold; 11 when absent, never lower (MIN_K). */
  k?: number;
  /** Research queries per researcher per UTC day; 10,000 when absent. */
  queriesPerDay?: number;
  /** The feeder's quiet time and longest wait after a write (research/analytics-feeder.ts). */
  debounceMs?: number;
  maxWaitMs?: number;
  /** Imported datasets (`source: 'ctdc:<id>'`); none when absent. */
  sources?: ResearchSources;
  /** Open the store when the app is built (main.ts), not on the first research request. */
  eager?: boolean;
  /** Finish the first catch-up before the store is used (tests); it runs in the background otherwise. */
  awaitCatchUp?: boolean;
}

/** Everything the research routes need, made once per app. */
export interface Research {
  /** The feeder and its store, opened (and caught up with every mission) on first use. */
  feeder(): Promise<AnalyticsFeeder>;
  /** A mission was written to: catch up soon (nothing to do while the store is not open yet). */
  nudge(mission: string): void;
  /**
   * Person links changed (a reviewer linked or unlinked): the store's people are set again from
   * every link (decision 202). Nothing to do while the store is not open: opening sets them.
   */
  peopleChanged(): Promise<void>;
  keys: ResearchKeys;
  params: DisclosureParams;
  budget: QueryBudget;
  sources: ResearchSources;
  close(): Promise<void>;
}

/**
 * The research side of one app. The analytics store opens on first use — at start with `eager`
 * (main.ts), else on the first research request — and its first act is a catch-up with every
 * mission, so writes made before it opened are counted all the same. Apps that never do research
 * (most tests) never open DuckDB.
 */
export async function openResearch(
  o: ResearchOptions,
  deps: {
    store: ServerStore;
    missions: () => Promise<string[]>;
    now: () => number;
    log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
    /** Every person link, as the two cases it joins (the system database's `personlink:` documents). */
    links?: () => Promise<ReadonlyArray<readonly [CaseKey, CaseKey]>>;
  },
): Promise<Research> {
  const params = disclosureParams({ k: o.k });
  const keys = researchKeys(o.secret ?? randomBytes(32).toString('hex'));
  const path = o.dbPath ?? ':memory:';
  let opened: Promise<AnalyticsFeeder> | null = null;
  let current: AnalyticsFeeder | null = null;
  /** The store's people from every link: case refs are HMACs, so no case id reaches the store. */
  const setPeople = async (store: AnalyticsStore) => {
    if (!deps.links) return;
    const ref = (c: CaseKey) => keys.caseRef(c.mission, c.caseId);
    await store.setPeople(peopleGroups((await deps.links()).map(([a, b]) => [ref(a), ref(b)] as const)));
  };
  const open = async () => {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const store = await openDuckDbStore({ path, fingerprint: keys.fingerprint });
    if (store.recreated) deps.log.info({ path, reason: store.recreated.reason }, 'analytics store made anew');
    try {
      await setPeople(store);
    } catch (err) {
      // People counts then count every case as a person until the next link decision sets them.
      deps.log.error({ err }, 'analytics store: person links could not be read');
    }
    const feeder = new AnalyticsFeeder({
      store,
      keys,
      source: (m) => deps.store.mission(m),
      missions: deps.missions,
      debounceMs: o.debounceMs,
      maxWaitMs: o.maxWaitMs,
      onError: (mission, err) => deps.log.error({ err, mission }, 'analytics catch-up failed'),
    });
    current = feeder;
    const first = feeder.catchUpAll().catch((err: unknown) => {
      deps.log.error({ err }, 'analytics start-up catch-up failed');
    });
    if (o.awaitCatchUp) await first;
    return feeder;
  };
  // A store that failed to open is tried again by the next request (a full disk may have been freed).
  const feeder = () =>
    (opened ??= open().catch((e: unknown) => {
      opened = null;
      throw e;
    }));
  // A store that cannot open at start (disk, engine) does not stop the server: cases still sync, and
  // research requests answer 503 TERN_RESEARCH_STORE_FAILED and try again.
  if (o.eager)
    await feeder().catch((err: unknown) => deps.log.error({ err, path }, 'analytics store cannot open'));
  return {
    feeder,
    nudge: (m) => current?.nudge(m),
    peopleChanged: async () => {
      if (current) await setPeople(current.store);
    },
    keys,
    params,
    budget: new QueryBudget(o.queriesPerDay ?? 10_000, deps.now),
    sources: o.sources ?? NO_SOURCES,
    close: async () => {
      const f = await opened?.catch(() => null);
      await f?.close();
    },
  };
}
