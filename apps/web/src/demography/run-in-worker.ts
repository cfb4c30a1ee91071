import type { RunResults } from '@tern/api';
import type { ProjectionJob } from './projection-job.ts';
import type { WorkerAnswer } from './projection-worker.ts';

/** A refusal from the projection (the package's code and details, e.g. rejected rows). */
export class ProjectionFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ProjectionFailed';
  }
}

/**
 * Runs a projection in a Web Worker (its own chunk, made by Vite from the `new URL` below); `abort`
 * ends the worker. Progress arrives as steps done of the total over every scenario.
 */
export function runInWorker(
  job: ProjectionJob,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<RunResults> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./projection-worker.ts', import.meta.url), { type: 'module' });
    const end = () => worker.terminate();
    signal?.addEventListener('abort', () => {
      end();
      reject(new DOMException('aborted', 'AbortError'));
    });
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      end();
      if (m.type === 'done') resolve(m.results);
      else reject(new ProjectionFailed(m.code, m.message, m.details));
    };
    worker.onerror = (e) => {
      end();
      reject(new ProjectionFailed('', e.message || 'the projection worker failed'));
    };
    worker.postMessage(job);
  });
}
