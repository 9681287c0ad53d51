import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

/** What database code may not do (all access is asynchronous, through the engine). */
const databaseRules = [
  { selector: 'CallExpression[callee.property.name=/^(get|all|run|sync)$/][arguments.length=0]', message: 'Await the query builder instead (all database access is asynchronous).' },
  { selector: "MemberExpression[property.name='$client']", message: 'Use the engine (db/index.ts), not the driver.' },
  // A Drizzle builder runs only when awaited; as a bare statement it does nothing.
  {
    selector: 'ExpressionStatement > CallExpression[callee.property.name=/^(values|where|onConflictDoUpdate|onConflictDoNothing|returning)$/]',
    message: 'This query builder is never awaited, so it never runs: await it.',
  },
  { selector: 'ExpressionStatement > CallExpression[callee.object.name=/^(db|tx)$/]', message: 'Await the query.' },
];

const config = [
  ...coreWebVitals,
  ...typescript,
  // All database access is asynchronous: a query or command that is not awaited runs out of
  // order (or not at all: Drizzle's builders run only when awaited). The type checker finds them.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
    },
  },
  // Outside db/, nothing reaches the drivers or better-sqlite3's synchronous terminals.
  { files: ['app/**/*.ts', 'app/**/*.tsx', 'lib/**/*.ts', 'components/**/*.tsx', 'db/queries/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...databaseRules] } },
  // Raw SQL goes through rows()/exec() (db/index.ts), which speak to both engines.
  {
    files: ['db/queries/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...databaseRules,
        { selector: 'CallExpression[callee.object.name=/^(db|tx)$/][callee.property.name=/^(all|get|run)$/]', message: 'Raw SQL goes through rows() or exec() from db/index.ts (both engines).' },
      ],
    },
  },
  // Tests read loosely typed JSON responses from the API.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/.out/**', 'dist/**'] },
];

export default config;
