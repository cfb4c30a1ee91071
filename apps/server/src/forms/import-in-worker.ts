import { Worker } from 'node:worker_threads';
import type { ImportResult } from '@tern/forms/xlsform';

export interface XlsformWorkerLimits {
  /** Time to read one workbook, from the moment the worker is ready. */
  timeMs: number;
  /** V8 heap of the worker (old generation), MB. */
  heapMb: number;
  /** Imports running at once; more wait, up to `queue`, then are refused. */
  concurrent: number;
  queue: number;
}

export const DEFAULT_XLSFORM_LIMITS: XlsformWorkerLimits = {
  timeMs: 4_000,
  heapMb: 384,
  concurrent: 2,
  queue: 8,
};

export class ImportBusyError extends Error {}

const BOOT = new URL('./xlsform-worker-boot.mjs', import.meta.url);

/**
 * XLSForm imports off the request thread (worker_threads), each in a fresh worker with a heap limit
 * (resourceLimits) and a time limit (terminate). The zip checks in @tern/forms refuse most hostile
 * files in milliseconds; these limits bound whatever gets past them, and the server keeps answering
 * other requests meanwhile.
 */
export class XlsformImporter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  readonly limits: XlsformWorkerLimits;

  constructor(limits: Partial<XlsformWorkerLimits> = {}) {
    this.limits = { ...DEFAULT_XLSFORM_LIMITS, ...limits };
  }

  async import(bytes: Uint8Array, files: ReadonlyMap<string, Uint8Array> = new Map()): Promise<ImportResult> {
    if (this.running >= this.limits.concurrent) {
      if (this.waiting.length >= this.limits.queue)
        throw new ImportBusyError('Too many form uploads at once');
      await new Promise<void>((go) => this.waiting.push(go));
    }
    this.running++;
    try {
      return await this.run(bytes, files);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private run(bytes: Uint8Array, files: ReadonlyMap<string, Uint8Array>): Promise<ImportResult> {
    const { timeMs, heapMb } = this.limits;
    return new Promise((resolve) => {
      const worker = new Worker(BOOT, {
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      });
      let timer: ReturnType<typeof setTimeout> | null = null;
      let done = false;
      const finish = (r: ImportResult) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        void worker.terminate();
        resolve(r);
      };
      const refuse = (message: string) =>
        finish({ form: null, problems: [{ severity: 'error', sheet: '', row: 0, message }] });
      worker.on('message', (m: unknown) => {
        if (m === 'ready') {
          // Copies into fresh ArrayBuffers, handed over to the worker rather than cloned again.
          const workbook = new Uint8Array(bytes);
          const copies = [...files].map(([name, b]): [string, Uint8Array<ArrayBuffer>] => [
            name,
            new Uint8Array(b),
          ]);
          worker.postMessage({ workbook, files: copies }, [
            workbook.buffer,
            ...copies.map(([, b]) => b.buffer),
          ]);
          timer = setTimeout(
            () =>
              refuse(
                `The workbook took more than ${timeMs / 1000} s to read and is refused. A form's workbook reads in well under a second: look for sheets filled far beyond the form, or save it again as .xlsx`,
              ),
            timeMs,
          );
          return;
        }
        finish(m as ImportResult);
      });
      worker.on('error', (e: Error & { code?: string }) =>
        refuse(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `The workbook needs more than ${heapMb} MB of memory to read and is refused. A form's workbook needs a few MB: look for sheets filled far beyond the form`
            : `The workbook could not be read (${e.message})`,
        ),
      );
      worker.on('exit', () => refuse('The workbook could not be read (the reader stopped)'));
    });
  }
}
