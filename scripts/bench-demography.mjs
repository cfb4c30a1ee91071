// `npm run bench:demography`: install what is needed, run tests/bench/demography.bench.ts with tsx (the
// multiregional projection at 50–300 regions in Node against the textbook generalised Leslie matrix),
// then build apps/web/bench/demography.html and run the same projection in a Chromium Web Worker
// (tests/bench/demography-worker.bench.ts). Arguments after `--` go to both (`-- --quick`: 50 and 100
// regions only; `-- --node-only` skips the browser).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensurePnpm, installDeps } from './setup.mjs';

let pnpm;
try {
  pnpm = ensurePnpm();
  installDeps(pnpm);
} catch (e) {
  console.error(String(e));
  process.exit(1);
}
const args = process.argv.slice(2);
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'bench', 'demography.bench.ts'), ...args]);
if (!args.includes('--node-only')) {
  run(pnpm, [
    '--filter',
    '@tern/web',
    'exec',
    'vite',
    'build',
    '--config',
    'bench/vite.demography.config.ts',
    '--logLevel',
    'warn',
  ]);
  run(process.execPath, [
    '--import',
    'tsx',
    join(ROOT, 'tests', 'bench', 'demography-worker.bench.ts'),
    ...args,
  ]);
}
