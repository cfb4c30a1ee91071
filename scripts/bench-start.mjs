// `npm run bench:start`: build the web app, then run tests/bench/warm-start.bench.ts in Debian's
// chromium against the real server (the interview route's JavaScript, and warm offline start with
// 5,000 cases on the device beside an empty one). Prints markdown tables.
// TERN_BENCH_BATCHES (× 200 cases, default 25), TERN_BENCH_RUNS (default 5), TERN_BENCH_CPU (throttle).
import { spawnSync } from 'node:child_process';
import { ROOT, ensurePnpm } from './setup.mjs';

const pnpm = ensurePnpm();
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(pnpm, ['--filter', '@tern/web', 'build', '--logLevel', 'warn']);
run(process.execPath, ['--import', 'tsx', 'tests/bench/warm-start.bench.ts']);
