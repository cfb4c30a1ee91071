// Run one of the project's TypeScript tools (a benchmark, the soak, the fuzzer) on a fresh machine:
// install what is needed (pnpm, dependencies), build the web app first when the tool drives it in
// Chromium, then run the file with tsx, passing on the arguments given after `--`.
//
//   node scripts/run-ts.mjs [--build-web | --vite <config>] <file.ts> [arguments…]
//
// `--build-web` builds apps/web as shipped; `--vite <config>` builds a bench page with an apps/web
// config (bench/vite.*.config.ts). package.json's bench:*, soak, soak:load and fuzz scripts use this.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT, ensurePnpm, installDeps } from './setup.mjs';

/** Run a command in the repository; exit with its status when it fails. */
export function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** pnpm at the pinned version with the dependencies installed, or exit with the reason. */
export function ready() {
  try {
    const pnpm = ensurePnpm();
    installDeps(pnpm);
    return pnpm;
  } catch (e) {
    console.error(String(e));
    process.exit(1);
  }
}

/** Build apps/web: as shipped (no config), or a bench page with `bench/vite.<name>.config.ts`. */
export function buildWeb(pnpm, config) {
  run(
    pnpm,
    config
      ? ['--filter', '@tern/web', 'exec', 'vite', 'build', '--config', config, '--logLevel', 'warn']
      : ['--filter', '@tern/web', 'build', '--logLevel', 'warn'],
  );
}

export function runTs(file, args) {
  run(process.execPath, ['--import', 'tsx', file, ...args]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const pnpm = ready();
  if (args[0] === '--build-web') {
    args.shift();
    buildWeb(pnpm);
  } else if (args[0] === '--vite') {
    args.shift();
    buildWeb(pnpm, args.shift());
  }
  const file = args.shift();
  if (!file) {
    console.error('usage: node scripts/run-ts.mjs [--build-web | --vite <config>] <file.ts> [arguments…]');
    process.exit(2);
  }
  runTs(file, args);
}
