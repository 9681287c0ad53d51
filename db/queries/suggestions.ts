/** Suggested corrections of a document (lib/suggestions). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SuggestionKind, SuggestionStatus } from '../enums';
import { getDb, type DbOrTx, type Tx } from '../index';
import { suggestionComments, suggestions, users } from '../schema';

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

/** The comment thread of a suggestion, oldest first, with the authors' names. */
export async function getSuggestionComments(documentId: string, suggestionId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: suggestionComments.id, authorId: suggestionComments.authorId, authorName: users.name, body: suggestionComments.body, createdAt: suggestionComments.createdAt })
    .from(suggestionComments)
    .leftJoin(users, eq(users.id, suggestionComments.authorId))
    .where(and(eq(suggestionComments.documentId, documentId), eq(suggestionComments.suggestionId, suggestionId)))
    .orderBy(asc(suggestionComments.createdAt), asc(suggestionComments.id));
}

/** How many comments each suggestion of a document has. */
export async function countSuggestionComments(documentId: string, db: DbOrTx = getDb()) {
  const rows = await db.select({ suggestionId: suggestionComments.suggestionId }).from(suggestionComments).where(eq(suggestionComments.documentId, documentId));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.suggestionId, (counts.get(r.suggestionId) ?? 0) + 1);
  return counts;
}

export async function insertSuggestionComment(row: { documentId: string; suggestionId: string; authorId: string; body: string }, db: Tx) {
  return db.insert(suggestionComments).values({ ...row, createdAt: new Date() }).returning().then((r) => r[0]!);
}
