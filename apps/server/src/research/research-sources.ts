import type { AnalyticsStore } from '@tern/research';

/** An imported dataset as the meta route lists it (`ResearchMetaResponse.sources`). */
export interface ResearchSourceInfo {
  /** `ctdc:<id>`: the value of `source` in a research request. */
  id: string;
  label: string;
  rows: number | null;
  importedAt: string | null;
}

/**
 * Read-only datasets a researcher may count beside the missions' own cases: each imported CTDC
 * global-dataset file is its own AnalyticsStore whose rows all have `mission = 'ctdc:<id>'`
 * (the importer lives in @tern/research's ctdc folder). Public data: every researcher may use them,
 * under the same disclosure control as the missions' tables.
 */
export interface ResearchSources {
  list(): Promise<ResearchSourceInfo[]>;
  /** The dataset's store, or null when no dataset has this id. */
  open(id: string): Promise<AnalyticsStore | null>;
}

/** No imported datasets yet: every `ctdc:` source is unknown (404). */
export const NO_SOURCES: ResearchSources = {
  list: () => Promise.resolve([]),
  open: () => Promise.resolve(null),
};
