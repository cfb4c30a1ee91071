// `npm run bench:demography`: the projection engine in Node (tests/bench/demography.bench.ts), then,
// unless `--node-only`, in a Web Worker of a built bench page in Chromium
// (tests/bench/demography-worker.bench.ts). Arguments after `--` go to both.
import { buildWeb, ready, runTs } from './run-ts.mjs';

const args = process.argv.slice(2);
const pnpm = ready();
runTs('tests/bench/demography.bench.ts', args);
if (!args.includes('--node-only')) {
  buildWeb(pnpm, 'bench/vite.demography.config.ts');
  runTs('tests/bench/demography-worker.bench.ts', args);
}
