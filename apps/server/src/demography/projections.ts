import { randomBytes } from 'node:crypto';
import type { DocStore, StoredDoc } from '@tern/store';
import type { DatasetResponse, DatasetSummary, RunResponse, RunResults, RunSummary } from '@tern/api';

/** Listing stops here; a statistician's office keeps tens of data sets, not thousands. */
export const LIST_LIMIT = 500;

type Doc<T> = StoredDoc & { body: T };

/**
 * Data sets and projection runs, shared by every statistician (decision 127), in the system database:
 * a summary document per item (`demography-dataset:<id>`, `demography-run:<id>`) that lists read, and
 * the bulky part beside it (`demography-files:<id>`, `demography-results:<id>`), read one at a time.
 * The bulky part is written first, so a listed item always has it.
 */
export class Projections {
  constructor(
    private readonly sys: DocStore,
    private readonly now: () => number,
  ) {}

  /** Time-ordered ids: milliseconds in base 36, then 8 random bytes. */
  newId(): string {
    return this.now().toString(36).padStart(9, '0') + randomBytes(8).toString('hex');
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const docs = await this.sys.list<Doc<DatasetSummary>>('demography-dataset:', { limit: LIST_LIMIT });
    return docs.map((d) => d.body);
  }

  async datasetSummary(id: string): Promise<DatasetSummary | undefined> {
    return (await this.sys.get<Doc<DatasetSummary>>(`demography-dataset:${id}`))?.body;
  }

  async getDataset(id: string): Promise<DatasetResponse | undefined> {
    const [summary, files] = await this.sys.getMany<Doc<unknown>>([
      `demography-dataset:${id}`,
      `demography-files:${id}`,
    ]);
    if (!summary || !files) return undefined;
    return { ...(summary.body as DatasetSummary), ...(files.body as Pick<DatasetResponse, 'csv' | 'xlsx'>) };
  }

  async createDataset(summary: DatasetSummary, files: Pick<DatasetResponse, 'csv' | 'xlsx'>): Promise<void> {
    await this.sys.create({ _id: `demography-files:${summary.id}`, body: files });
    await this.sys.create({ _id: `demography-dataset:${summary.id}`, body: summary });
  }

  async listRuns(): Promise<RunSummary[]> {
    const docs = await this.sys.list<Doc<RunSummary>>('demography-run:', { limit: LIST_LIMIT });
    return docs.map((d) => d.body);
  }

  async getRun(id: string): Promise<RunResponse | undefined> {
    const [summary, results] = await this.sys.getMany<Doc<unknown>>([
      `demography-run:${id}`,
      `demography-results:${id}`,
    ]);
    if (!summary || !results) return undefined;
    return { ...(summary.body as RunSummary), results: results.body as RunResults };
  }

  async createRun(summary: RunSummary, results: RunResults): Promise<void> {
    await this.sys.create({ _id: `demography-results:${summary.id}`, body: results });
    await this.sys.create({ _id: `demography-run:${summary.id}`, body: summary });
  }

  /** Removes a data set or run (summary first, so it leaves the list before its bulk goes); false if absent. */
  async remove(kind: 'dataset' | 'run', id: string): Promise<boolean> {
    const summary = await this.sys.get(`demography-${kind}:${id}`);
    if (!summary) return false;
    await this.sys.remove(summary._id, summary._rev);
    await this.sys.remove(`demography-${kind === 'dataset' ? 'files' : 'results'}:${id}`);
    return true;
  }
}
