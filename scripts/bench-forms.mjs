// `npm run bench:forms`: build the benchmark page (apps/web/bench/forms.html → apps/web/dist-bench)
// and run the form keystroke benchmark in Debian's chromium (tests/bench/form-keystroke.bench.ts).
// Prints markdown tables.
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
  'bench/vite.forms.config.ts',
  '--logLevel',
  'warn',
]);
run(process.execPath, ['--import', 'tsx', 'tests/bench/form-keystroke.bench.ts']);
