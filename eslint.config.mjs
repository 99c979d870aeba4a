import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests read GraphQL answers as loose JSON.
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain stays pure: no framework, store client or validation library may reach into it.
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'The domain is pure TypeScript: no Nest here.' },
            { group: ['better-sqlite3', '@eventstore/db-client'], message: 'The domain does no I/O.' },
            { group: ['class-validator', 'class-transformer'], message: 'Validation belongs to GraphQL inputs.' },
            { group: ['**/shared/event-store/**', '**/shared/command-handling/**'], message: 'The domain does no I/O.' },
          ],
        },
      ],
    },
  },
);
