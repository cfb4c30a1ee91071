// Shared steps of the start and test commands: they install what they need on a fresh machine
// that has only Node 20 and npm. Plain Node (no dependencies), because nothing is installed yet.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.4.2';
const LOCAL_PNPM = join(ROOT, '.tools', 'node_modules', '.bin', 'pnpm');

export function log(msg) {
  console.log(`\x1b[36m[tern]\x1b[0m ${msg}`);
}

function versionOf(cmd) {
  try {
    return execFileSync(cmd, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** pnpm at exactly the pinned version: the one on PATH if it matches, else a project-local copy. */
export function ensurePnpm() {
  if (versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  if (versionOf(LOCAL_PNPM) === PNPM_VERSION) return LOCAL_PNPM;
  log(`installing pnpm ${PNPM_VERSION} into .tools/ (npm)`);
  run('npm', [
    'install',
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--prefix',
    join(ROOT, '.tools'),
    `pnpm@${PNPM_VERSION}`,
  ]);
  if (versionOf(LOCAL_PNPM) !== PNPM_VERSION) throw new Error(`pnpm ${PNPM_VERSION} could not be installed`);
  return LOCAL_PNPM;
}

export function installDeps(pnpm) {
  log('installing dependencies (pnpm install --frozen-lockfile)');
  run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
}

/** Debian's chromium for the browser tests; never a browser downloaded by a test tool. */
export function ensureChromium() {
  const path = process.env.TERN_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  log('installing Debian chromium (apt-get) for the browser tests');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
  ]) {
    const cmd = [...prefix, ...args];
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env });
    if (r.status !== 0) {
      throw new Error(
        `Could not install chromium (${cmd.join(' ')} failed). Install Debian's chromium package as root, or set TERN_CHROMIUM to a Chromium binary.`,
      );
    }
  }
  return path;
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}
