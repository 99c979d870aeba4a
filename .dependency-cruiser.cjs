/**
 * The boundaries of the code, checked on every `npm test` (npm run lint):
 * the domain imports only the domain; shared code knows no capability; no import cycles; a slice
 * is reached from outside its folder only through what it publishes (its read model, its GraphQL
 * types, its command); the dashboard and the service share no code.
 */
const PUBLISHED = '\\.(projection|model|command)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle ties modules that should be apart; one of them knows too much.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      comment: 'Domain code is pure: decide and evolve over events, no framework, no store, no read model.',
      severity: 'error',
      from: { path: '^src/(shared/domain|[^/]+/domain)/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^src/(shared/domain|shared/statistics|[^/]+/domain)/' },
    },
    {
      name: 'shared-knows-no-capability',
      comment: 'shared/ serves every capability, so it names none of them: features register themselves.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(shared|config)/' },
    },
    {
      name: 'slices-keep-their-internals',
      comment:
        'Outside its folder a slice is known by its read model (.projection), its GraphQL types (.model) ' +
        'and its command (.command); resolvers, inputs and helpers are its own.',
      severity: 'error',
      // A capability's module is where its slices are put together.
      from: { path: '^(src/.+)/[^/]+$', pathNot: '(\\.spec|\\.module)\\.ts$' },
      to: {
        path: '^src/(?!shared/)[^/]+/(?!domain/)[^/]+/[^/]+$',
        pathNot: ['^$1/[^/]+$', PUBLISHED],
      },
    },
    {
      name: 'dashboard-and-service-apart',
      comment: 'The dashboard talks to the service over GraphQL only; neither imports the other.',
      severity: 'error',
      from: { path: '^(src|web)/' },
      to: { path: '^(src|web)/', pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
