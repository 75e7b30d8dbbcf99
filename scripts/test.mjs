#!/usr/bin/env node
// `npm test`: installs, builds, runs every test: unit and integration (Jest), then the browser journeys
// (Playwright driving Debian's Chromium). Integration tests use TEST_DATABASE_URL when set, else the
// embedded database. Extra arguments are passed to Jest (e.g. a test name pattern).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installAndBuild, root } from './lib.mjs';

installAndBuild({ quiet: true });

const jestBin = path.join(root, 'node_modules/jest/bin/jest.js');
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRun = false;

function jest(label, args) {
  const out = path.join(os.tmpdir(), `crm-jest-${process.pid}-${label}.json`);
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(process.execPath, [jestBin, '--json', `--outputFile=${out}`, ...args], { cwd: root, stdio: 'inherit' });
  if (fs.existsSync(out)) {
    const res = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += res.numPassedTests;
    totals.failed += res.numFailedTests;
    totals.skipped += res.numPendingTests + res.numTodoTests;
    if (res.numFailedTestSuites > 0 || res.numRuntimeErrorTestSuites > 0) failedRun = true;
    fs.rmSync(out, { force: true });
  }
  if (r.status !== 0) failedRun = true;
}

// `--skip-browser` runs only Jest's unit and integration tests (used by CI's smoke run on the embedded database).
const skipBrowser = process.argv.includes('--skip-browser');
const extra = process.argv.slice(2).filter((a) => a !== '--skip-browser');
console.log(`Database for integration tests: ${process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite'}`);
jest('unit and integration tests', ['--config', 'jest.config.js', ...extra]);

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
if (skipBrowser) {
  console.log('\nBrowser tests not run (--skip-browser).');
} else if (chromium) {
  jest('browser journeys (Chromium)', ['--config', 'e2e/jest.config.js', ...extra]);
} else if (process.env.CI) {
  console.error('\nBrowser tests need Chromium in CI: install Debian\'s `chromium` (apt-get install -y chromium).');
  failedRun = true;
} else {
  console.log('\nBrowser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRun || totals.failed > 0 ? 1 : 0);
