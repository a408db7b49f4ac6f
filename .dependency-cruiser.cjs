// Architecture rules, checked in CI by `npm run check:architecture` (dependency-cruiser).
// Violations that existed when a rule was introduced are listed in
// .dependency-cruiser-known-violations.json and tolerated; every new one fails the build.
// Regenerate that list only when a violation is removed: `npm run check:architecture:baseline`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other in a loop cannot be understood, tested or moved one at a time.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'dsl-is-self-contained',
      severity: 'error',
      comment: 'The language package knows nothing of the service, the database or the UI: it may import only itself and npm packages.',
      from: { path: '^dsl/' },
      to: { pathNot: ['^dsl/', 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'engine-core-is-pure',
      severity: 'error',
      comment: 'Deciding what happens is pure: the language package and every core/ folder import neither the framework nor the ORM.',
      from: { path: ['^dsl/src/', '^server/[^/]+/core/'] },
      to: { path: ['node_modules/@nestjs/', 'node_modules/@mikro-orm/', 'node_modules/pg/', 'node_modules/@electric-sql/'] },
    },
    {
      name: 'no-reaching-into-other-modules-entities',
      severity: 'error',
      comment: 'A module uses another module through its services; its entities (tables) belong to it alone. An entity may name another module\'s entity as the target of a relation (a foreign key).',
      from: { path: '^server/([^/]+)/', pathNot: ['^server/database/', '\\.entity\\.ts$'] },
      to: { path: '^server/[^/]+/.+\\.entity\\.ts$', pathNot: '^server/$1/' },
    },
    {
      name: 'production-does-not-import-tests',
      severity: 'error',
      comment: 'Tests, test support and benchmarks may import the product, never the other way round.',
      from: { path: ['^server/', '^dsl/src/', '^admin-ui/src/', '^migrations/'], pathNot: ['\\.spec\\.ts$', '^dsl/src/testing/'] },
      to: { path: ['^test/', '^bench/', '\\.spec\\.ts$', '^dsl/src/testing/'] },
    },
    {
      name: 'admin-ui-stays-in-the-browser',
      severity: 'error',
      comment: 'The admin UI talks to the service over HTTP only.',
      from: { path: '^admin-ui/src/' },
      to: { path: ['^server/', '^migrations/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '^admin-ui/\\.angular/', 'node_modules/.+/node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
