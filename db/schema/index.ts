/**
 * The schema every query imports. Two files describe one data model: db/schema/sqlite.ts
 * (the embedded default, whose types every query is written against) and db/schema/pg.ts
 * (PostgreSQL: the same tables, columns, keys and indexes with PostgreSQL's own types and the
 * same JavaScript types; tests/unit/schema-parity.test.ts keeps them in step). The engine
 * for PostgreSQL is not built yet (docs/scale-out-plan.md): until it is, queries run on
 * SQLite's tables.
 */
export * from './sqlite';
