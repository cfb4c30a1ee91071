// `npm run bench:cases`: build the case search benchmark page (apps/web/bench/cases.html →
// apps/web/dist-bench/cases) and run tests/bench/case-search.bench.ts in Debian's chromium. Prints a
// markdown table.
import { spawnSync } from 'node:child_process';
import { ROOT, ensurePnpm } from './setup.mjs';

const pnpm = ensurePnpm();
const run = (cmd, args, cwd = ROOT) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(pnpm, [
  '--filter',
  '@tern/web',
  'exec',
  'vite',
  'build',
  '--config',
  'bench/vite.cases.config.ts',
  '--logLevel',
  'warn',
]);
run(process.execPath, ['--import', 'tsx', 'tests/bench/case-search.bench.ts']);
