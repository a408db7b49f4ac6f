// Unit tests live beside the code (*.spec.ts); integration tests under test/ (*.test.ts).
const swc = ['@swc/jest', {
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'es6' },
}];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@stroom/dsl$': '<rootDir>/dsl/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/server/**/*.spec.ts', '<rootDir>/dsl/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  // Test files run in a worker process that is replaced once it holds this much: every file re-imports the
  // server under the VM-modules loader, and a single process running all of them in band outgrows its heap.
  workerIdleMemoryLimit: '1536MB',
};
