/** Browser journeys: Playwright (playwright-core) driving Debian's Chromium against the built server. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': require('../jest.swc.js') },
  testTimeout: 90000,
  maxWorkers: 1,
};
