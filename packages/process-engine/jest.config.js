/** @type {import('jest').Config} */
module.exports = {
  displayName: 'process-engine',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': require('../../jest.swc.js') },
};
