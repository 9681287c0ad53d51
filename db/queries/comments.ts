/** Comment threads on claims. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { first, getDb, only, type DbOrTx, type Tx, jsonArrayHas } from '../index';
import { claims, comments, documents, memberships, users } from '../schema';

/** A claim's comments, oldest first, with their authors' names. */
export async function getCommentsByClaimId(claimId: string, db: DbOrTx = getDb()) {
  const rows = await db
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.claimId, claimId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map((r) => ({ ...r.comment, authorName: r.authorName }));
}

/** One comment, or undefined. */
export async function getCommentById(commentId: string, db: DbOrTx = getDb()) {
  return db.select().from(comments).where(eq(comments.id, commentId)).then(first);
}

/** The comment with its claim's document and the user's role there — or undefined when not visible to the user. */
export async function getCommentForMember(commentId: string, userId: string, db: DbOrTx = getDb()) {
  return db
    .select({ comment: comments, claim: claims, role: memberships.role, workspaceId: documents.workspaceId, documentStatus: documents.status })
    .from(comments)
    .innerJoin(claims, and(eq(claims.id, comments.claimId), isNull(claims.deletedAt)))
    .innerJoin(documents, and(eq(documents.id, claims.documentId), isNull(documents.deletedAt)))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .where(eq(comments.id, commentId))
    .then(first);
}

/** Stores a comment. */
export async function insertComment(values: Omit<typeof comments.$inferInsert, 'id' | 'createdAt'>, db: Tx) {
  return db.insert(comments).values(values).returning().then(only);
}

/** Changes a comment. */
export async function updateComment(commentId: string, patch: Partial<typeof comments.$inferInsert>, db: Tx) {
  return db.update(comments).set(patch).where(eq(comments.id, commentId)).returning().then(only);
}

/** Comment counts per claim of a document: all live comments, and unresolved threads (as lib/comments/counts.ts counts them). */
export async function getCommentCountsByDocumentId(documentId: string, db: DbOrTx = getDb()) {
  return db
    .select({
      claimId: comments.claimId,
      count: sql<number>`count(*)`,
      openThreads: sql<number>`sum(case when ${comments.parentId} is null and ${comments.resolvedAt} is null then 1 else 0 end)`,
    })
    .from(comments)
    .where(and(eq(comments.documentId, documentId), isNull(comments.deletedAt)))
    .groupBy(comments.claimId);
}

/** Comments that mention the user, newest first, with their claim and document. */
export async function getMentionsOf(userId: string, limit = 50, db: DbOrTx = getDb()) {
  return db
    .select({
      id: comments.id,
      body: comments.body,
      createdAt: comments.createdAt,
      authorName: users.name,
      claimId: claims.id,
      claimStatement: claims.statement,
      documentId: documents.id,
      documentTitle: documents.title,
    })
    .from(comments)
    .innerJoin(claims, and(eq(claims.id, comments.claimId), isNull(claims.deletedAt)))
    .innerJoin(documents, and(eq(documents.id, comments.documentId), isNull(documents.deletedAt)))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(isNull(comments.deletedAt), jsonArrayHas(db, comments.mentions, userId)))
    .orderBy(sql`${comments.createdAt} desc`)
    .limit(limit);
}
