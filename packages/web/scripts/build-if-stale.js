#!/usr/bin/env node
// Builds the web app with vite, but only when `dist/index.html` is missing or older than any of
// its inputs: the web sources, `index.html`, the public assets, the vite configuration and the
// sources of @ketenregie/core (whose schemas the app bundles). `npm start` and the browser tests
// call it, so a fresh checkout serves a current app without a manual build step.
//
// Concurrent callers (several test files starting at once) are serialised with a lock directory:
// the second caller waits for the first build and then finds the output fresh.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const coreSrc = path.resolve(webDir, '..', 'core', 'src');
const distIndex = path.join(webDir, 'dist', 'index.html');
const lockDir = path.join(webDir, 'node_modules', '.cache', 'ketenregie-web-build.lock');

/** A lock older than this belongs to a build that died; it is removed. */
const STALE_LOCK_MS = 5 * 60 * 1000;

/** Inputs of the build; directories are walked recursively. */
const inputs = [
  path.join(webDir, 'src'),
  path.join(webDir, 'public'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  coreSrc,
];

/** Latest modification time (ms) of a file, or of any file below a directory; 0 when absent. */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when the built app is missing or older than one of its inputs. */
export function isWebBuildStale() {
  if (!existsSync(distIndex)) return true;
  const built = statSync(distIndex).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the build lock, waiting while another process holds it. */
async function acquireLock() {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
      } catch {
        continue;
      }
      if (age > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
      else await sleep(250);
    }
  }
}

/** Runs vite's own command line in a child process, so a failing build cannot leave this one half-done. */
function runViteBuild(quiet) {
  const require = createRequire(import.meta.url);
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [viteBin, 'build', '--config', path.join(webDir, 'vite.config.ts'), '--logLevel', quiet ? 'error' : 'warn'],
    // Test runners set NODE_ENV=test; the served app must always be the production build.
    { cwd: webDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
}

/**
 * Runs `vite build` when the output is stale. Resolves to true when it built, false when the
 * existing output was already current.
 */
export async function buildWebIfStale({ quiet = false } = {}) {
  if (!isWebBuildStale()) return false;
  await acquireLock();
  try {
    if (!isWebBuildStale()) return false;
    if (!quiet) console.log('Building the web app (packages/web/dist)…');
    runViteBuild(quiet);
    return true;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const quiet = process.argv.includes('--quiet');
  buildWebIfStale({ quiet }).then(
    (built) => {
      if (!built && !quiet) console.log('Web app is up to date (packages/web/dist).');
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
