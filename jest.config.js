// One Jest run for the whole workspace: each project is a package or an app with its own setup.
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/*/jest.config.js', '<rootDir>/apps/server/jest.config.js'],
};
