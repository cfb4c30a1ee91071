// Starts the projection worker and exposes its answers to the benchmark driver
// (tests/bench/demography-worker.bench.ts) as `window.ternBench(regions, steps, runs)`.
interface WorkerAnswer {
  regions: number;
  steps: number;
  ms: number[];
  progress: number;
}

const worker = new Worker(new URL('./demography-worker.ts', import.meta.url), { type: 'module' });
const pending: Array<(a: WorkerAnswer) => void> = [];
worker.onmessage = (e: MessageEvent<WorkerAnswer>) => pending.shift()?.(e.data);

declare global {
  interface Window {
    ternBench: (regions: number, steps: number, runs: number) => Promise<WorkerAnswer>;
  }
}

window.ternBench = (regions, steps, runs) =>
  new Promise((resolve) => {
    pending.push(resolve);
    worker.postMessage({ regions, steps, runs });
  });
document.getElementById('out')!.textContent = 'ready';
