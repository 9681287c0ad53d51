/**
 * What a person typed into a search box, as each engine's full-text search wants it: every
 * word must occur, the last may be the start of a word. SQLite: an FTS5 query; PostgreSQL: a
 * tsquery in the `factdesk` configuration (db/migrations/pg 0003: lower case, no accents).
 */
import { sql, type SQL } from 'drizzle-orm';

/** The words of a search (letters and digits only), or null when there is nothing to search for. */
export type SearchWords = string[];

/** The words of what a person typed; null when it holds nothing searchable. */
export function searchWords(q: string): SearchWords | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words?.length ? words : null;
}

/** FTS5: `"a" "b" "c"*`. */
export function fts5Match(words: SearchWords): string {
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** PostgreSQL: to_tsquery('factdesk', `'a' & 'b' & 'c':*`). */
export function pgTsQuery(words: SearchWords): SQL {
  const text = words.map((w, i) => `'${w.replace(/['\\]/g, '')}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
  return sql`to_tsquery('factdesk', ${text})`;
}

/** A tsquery of exact lexemes (claim memory stems, stored without a dictionary), joined by `&` or `|`. */
export function pgLexemeQuery(lexemes: string[], join: '&' | '|'): SQL {
  return sql`${lexemes.map((l) => `'${l.replace(/['\\]/g, '')}'`).join(` ${join} `)}::tsquery`;
}

/** A time as the engine compares it: milliseconds on SQLite (timestamp_ms columns), a Date on PostgreSQL. */
export function timeParam(dialect: 'sqlite' | 'postgresql', ms: number): number | Date {
  return dialect === 'postgresql' ? new Date(ms) : ms;
}
