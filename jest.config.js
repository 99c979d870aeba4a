/** Test levels follow the file name: *.spec.ts (pure), *.int.spec.ts (real SQLite, Nest testing module), *.e2e.spec.ts (started app over real HTTP). */
const transform = {
  '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
};
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
    },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/src/**/*.int.spec.ts', '<rootDir>/test/**/*.int.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts', '<rootDir>/src/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/support/build-web.global-setup.ts',
    },
  ],
  testTimeout: 30000,
};
