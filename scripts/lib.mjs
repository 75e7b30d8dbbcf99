// Shared by the start and test commands: they must work on a fresh machine with only Node.js and npm.
import { spawnSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

/** The pinned pnpm: the one on PATH when it matches, else run through npx (downloads it once). */
export function pnpmCommand() {
  try {
    if (execSync('pnpm --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === PNPM_VERSION) return ['pnpm'];
  } catch {
    /* not installed */
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\nFailed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

export function pnpm(args, opts) {
  const [cmd, ...pre] = pnpmCommand();
  run(cmd, [...pre, ...args], opts);
}

function newest(dir) {
  let max = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return max;
}

/** Installs dependencies (fast when nothing changed) and builds what is older than its sources. */
export function installAndBuild({ quiet = false } = {}) {
  const lockStamp = path.join(root, 'node_modules', '.modules.yaml');
  if (!fs.existsSync(lockStamp) || fs.statSync(lockStamp).mtimeMs < fs.statSync(path.join(root, 'pnpm-lock.yaml')).mtimeMs) {
    console.log('Installing dependencies (pnpm install)…');
    pnpm(['install', '--frozen-lockfile', ...(quiet ? ['--reporter=silent'] : [])]);
  }
  const builds = [
    ['@crm/contact-info', 'packages/contact-info', 'packages/contact-info/dist/index.js'],
    ['@crm/process-engine', 'packages/process-engine', 'packages/process-engine/dist/index.js'],
    ['@crm/server', 'apps/server', 'apps/server/dist/main.js'],
    ['@crm/web', 'apps/web', 'apps/web/dist/index.html'],
  ];
  let rebuildRest = false;
  for (const [name, dir, output] of builds) {
    const out = path.join(root, output);
    const stale = !fs.existsSync(out) || fs.statSync(out).mtimeMs < newest(path.join(root, dir));
    if (stale || rebuildRest) {
      console.log(`Building ${name}…`);
      if (name === '@crm/server') fs.rmSync(path.join(root, dir, 'dist'), { recursive: true, force: true });
      pnpm(['--filter', name, 'run', 'build']);
      // The server and web compile against the packages: rebuild them when one changed.
      rebuildRest = rebuildRest || name.startsWith('@crm/') && dir.startsWith('packages/');
    }
  }
}
