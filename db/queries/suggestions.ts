/** Suggested corrections of a document (lib/suggestions). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SuggestionKind, SuggestionStatus } from '../enums';
import { getDb, type DbOrTx, type Tx } from '../index';
import { suggestions, users } from '../schema';

/** The stored suggestions of a document with these ids. */
export async function getSuggestionsByIds(documentId: string, ids: string[], db: DbOrTx = getDb()) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.documentId, documentId), inArray(suggestions.id, ids)));
}

/** Every suggestion a document ever had, oldest first, with the names of who made and decided it. */
export async function getSuggestionsByDocumentId(documentId: string, db: DbOrTx = getDb()) {
  const rows = await db
    .select({ suggestion: suggestions, authorName: users.name })
    .from(suggestions)
    .leftJoin(users, eq(users.id, suggestions.authorId))
    .where(eq(suggestions.documentId, documentId))
    .orderBy(asc(suggestions.createdAt), asc(suggestions.id));
  const deciders = [...new Set(rows.map((r) => r.suggestion.decidedBy).filter((id): id is string => !!id))];
  const names = new Map(
    deciders.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, deciders))).map((u) => [u.id, u.name]) : [],
  );
  return rows.map((r) => ({ ...r.suggestion, authorName: r.authorName, decidedByName: r.suggestion.decidedBy ? (names.get(r.suggestion.decidedBy) ?? null) : null }));
}

/** How many suggestions of a document are pending. */
export async function countPendingSuggestions(documentId: string, db: DbOrTx = getDb()) {
  return (await db.select({ id: suggestions.id }).from(suggestions).where(and(eq(suggestions.documentId, documentId), eq(suggestions.status, 'pending')))).length;
}

export async function insertSuggestion(row: { documentId: string; id: string; authorId: string; kind: SuggestionKind; beforeText: string; afterText: string }, db: Tx) {
  await db.insert(suggestions).values({ ...row, createdAt: new Date() });
}

export async function updateSuggestion(
  documentId: string,
  id: string,
  set: Partial<{ kind: SuggestionKind; beforeText: string; afterText: string; status: SuggestionStatus; decidedBy: string | null; decidedAt: Date | null; note: string | null }>,
  db: Tx,
) {
  await db
    .update(suggestions)
    .set(set)
    .where(and(eq(suggestions.documentId, documentId), eq(suggestions.id, id)));
}
