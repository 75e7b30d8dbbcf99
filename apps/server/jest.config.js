/** @type {import('jest').Config} */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': require('../../jest.swc.js') },
  moduleNameMapper: {
    '^@crm/contact-info$': '<rootDir>/../../packages/contact-info/src/index.ts',
    '^@crm/process-engine$': '<rootDir>/../../packages/process-engine/src/index.ts',
  },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
