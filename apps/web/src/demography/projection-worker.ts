// The projection runs here, off the page's thread, so the workspace stays responsive while a
// 300-region run takes its second or two (docs/guide/statistician.md).
import { runJob } from './projection-job.ts';
import type { ProjectionJob } from './projection-job.ts';

export type WorkerAnswer =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; results: import('@tern/api').RunResults }
  | { type: 'failed'; code: string; message: string; details?: unknown };

self.onmessage = (e: MessageEvent<ProjectionJob>) => {
  const post = (m: WorkerAnswer) => self.postMessage(m);
  try {
    let last = 0;
    const results = runJob(e.data, (done, total) => {
      // At most every 50 ms: progress messages must not cost more than the steps.
      const now = performance.now();
      if (done === total || now - last > 50) {
        last = now;
        post({ type: 'progress', done, total });
      }
    });
    post({ type: 'done', results });
  } catch (err) {
    const x = err as { code?: string; message?: string; details?: unknown };
    post({ type: 'failed', code: x.code ?? '', message: x.message ?? String(err), details: x.details });
  }
};
