// The unit and integration tests of the whole workspace; the browser journeys have their own config
// (e2e/jest.config.js) because they need the built app and Chromium.
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/*/jest.config.js', '<rootDir>/apps/server/jest.config.js'],
  maxWorkers: 2,
  // Per-project testTimeout is ignored with `projects`; integration tests drive a real server and database.
  testTimeout: 30000,
};
