// The projection in a Web Worker, as the projection workspace will run it: the region set is made in
// the worker (not timed), then `runs` projections are timed with performance.now().
import { projectMultiregional } from '@tern/demography';
import { randomRegionSet } from '@tern/demography/testing';

self.onmessage = (e: MessageEvent<{ regions: number; steps: number; runs: number }>) => {
  const { regions, steps, runs } = e.data;
  const set = randomRegionSet({ regions, seed: 2026 });
  const ms: number[] = [];
  let progress = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    projectMultiregional({ ...set, startYear: 2025, steps, onStep: (done) => (progress = done) });
    ms.push(performance.now() - t0);
  }
  self.postMessage({ regions, steps, ms, progress });
};
