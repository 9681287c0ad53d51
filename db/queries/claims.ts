/** Queries on claims and their sources. */
import { and, asc, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
import { cachedStatement, dialectOf, exec, first, getDb, only, rows as rawRows, type DbOrTx, type Tx } from '../index';
import { claims, documents, memberships, sources, type ClaimRow, type ClaimStatus, type SourceRow, type Verdict } from '../schema';

/** A claim with its sources, in their order. */
export type ClaimWithSources = ClaimRow & { sources: SourceRow[] };

/** The claims of a document (not deleted) with their sources, in document order. */
export async function getClaimsByDocumentId(documentId: string, db: DbOrTx = getDb()): Promise<ClaimWithSources[]> {
  const rows = await db
    .select()
    .from(claims)
    .where(and(eq(claims.documentId, documentId), isNull(claims.deletedAt)))
    .orderBy(asc(claims.from), asc(claims.to));
  if (rows.length === 0) return [];
  const sourceRows = await db
    .select()
    .from(sources)
    .where(inArray(sources.claimId, rows.map((r) => r.id)))
    .orderBy(asc(sources.position));
  const byClaim = new Map<string, SourceRow[]>();
  for (const s of sourceRows) byClaim.set(s.claimId, [...(byClaim.get(s.claimId) ?? []), s]);
  return rows.map((r) => ({ ...r, sources: byClaim.get(r.id) ?? [] }));
}

/** A live claim's anchor as the step authority reads it; quotes only for orphans (which need them to re-attach). */
export interface StoredAnchor {
  id: string;
  from: number;
  to: number;
  orphaned: boolean;
  quoteExact: string | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  /** JSON of the anchor's trail (what undo may bring back), or null. */
  anchorTrail: string | null;
}

/**
 * The anchors of a document's live claims, for mapping through steps. A raw prepared
 * statement: this runs on every accepted batch of steps, for every claim of the document.
 */
export async function getClaimAnchorsByDocumentId(documentId: string, db: DbOrTx = getDb()): Promise<StoredAnchor[]> {
  if (dialectOf(db) === 'postgresql') {
    return rawRows<StoredAnchor>(
      db,
      sql`SELECT id, "from", "to", orphaned,
                 CASE WHEN orphaned THEN quote_exact END AS "quoteExact",
                 CASE WHEN orphaned THEN quote_prefix END AS "quotePrefix",
                 CASE WHEN orphaned THEN quote_suffix END AS "quoteSuffix",
                 anchor_trail::text AS "anchorTrail"
            FROM claims WHERE document_id = ${documentId} AND deleted_at IS NULL`,
    );
  }
  const rows = cachedStatement(
      db,
      `SELECT id, "from", "to", orphaned,
              CASE WHEN orphaned THEN quote_exact END AS quoteExact,
              CASE WHEN orphaned THEN quote_prefix END AS quotePrefix,
              CASE WHEN orphaned THEN quote_suffix END AS quoteSuffix,
              anchor_trail AS anchorTrail
         FROM claims WHERE document_id = ? AND deleted_at IS NULL`,
    )
    .all(documentId) as (Omit<StoredAnchor, 'orphaned'> & { orphaned: number })[];
  return rows.map((r) => ({ ...r, orphaned: r.orphaned === 1 }));
}

/**
 * PostgreSQL: the same anchors as one JSON array, of the document `d` of the query it is put
 * in: the step authority reads them in the round trip that locks the document (lockCollabState).
 */
export const PG_CLAIM_ANCHORS = `(SELECT coalesce(json_agg(json_build_object(
      'id', c.id, 'from', c."from", 'to', c."to", 'orphaned', c.orphaned,
      'quoteExact', CASE WHEN c.orphaned THEN c.quote_exact END,
      'quotePrefix', CASE WHEN c.orphaned THEN c.quote_prefix END,
      'quoteSuffix', CASE WHEN c.orphaned THEN c.quote_suffix END,
      'anchorTrail', c.anchor_trail::text)), '[]'::json)
    FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL)`;

/** A claim's new anchor, as the step authority stores it; a null quote leaves the stored one as it is. */
export type AnchorUpdate = StoredAnchor;

/**
 * Stores moved anchors (call inside the steps' transaction). One prepared statement for
 * all rows: an edit near the top of a long article moves every claim below it.
 */
export async function updateClaimAnchors(updates: AnchorUpdate[], tx: Tx) {
  if (updates.length === 0) return;
  if (dialectOf(tx) === 'postgresql') {
    // One statement for all rows (one round trip), the anchors as a VALUES list.
    const values = sql.join(
      updates.map((u) => sql`(${u.id}, ${u.from}::int, ${u.to}::int, ${u.orphaned}::boolean, ${u.quoteExact}::text, ${u.quotePrefix}::text, ${u.quoteSuffix}::text, ${u.anchorTrail}::json)`),
      sql`, `,
    );
    await exec(
      tx,
      sql`UPDATE claims AS c SET "from" = v.f, "to" = v.t, orphaned = v.o,
                 quote_exact = coalesce(v.qe, c.quote_exact), quote_prefix = coalesce(v.qp, c.quote_prefix), quote_suffix = coalesce(v.qs, c.quote_suffix),
                 anchor_trail = v.trail
            FROM (VALUES ${values}) AS v(id, f, t, o, qe, qp, qs, trail) WHERE c.id = v.id`,
    );
    return;
  }
  const statement = cachedStatement(
    tx,
    `UPDATE claims SET "from" = @from, "to" = @to, orphaned = @orphaned,
            quote_exact = coalesce(@quoteExact, quote_exact),
            quote_prefix = coalesce(@quotePrefix, quote_prefix),
            quote_suffix = coalesce(@quoteSuffix, quote_suffix),
            anchor_trail = @anchorTrail
      WHERE id = @id`,
  );
  for (const u of updates) statement.run({ ...u, orphaned: u.orphaned ? 1 : 0 });
}

/**
 * The claim, its document's workspace and status, and the user's role there — or
 * undefined when the claim is missing, deleted, or in a workspace the user is not in.
 */
export async function getClaimForMember(claimId: string, userId: string, db: DbOrTx = getDb()) {
  const row = await db
    .select({ claim: claims, role: memberships.role, workspaceId: documents.workspaceId, documentStatus: documents.status, documentVersion: documents.version })
    .from(claims)
    .innerJoin(documents, and(eq(documents.id, claims.documentId), isNull(documents.deletedAt)))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .where(and(eq(claims.id, claimId), isNull(claims.deletedAt)))
    .then(first);
  return row;
}

/** One claim with its sources (or undefined). */
export async function getClaimWithSources(claimId: string, db: DbOrTx = getDb()): Promise<ClaimWithSources | undefined> {
  const claim = await db.select().from(claims).where(eq(claims.id, claimId)).then(first);
  if (!claim) return undefined;
  return { ...claim, sources: await getSourcesByClaimId(claimId, db) };
}

/** Fields a new claim is stored with. */
export type NewClaim = Omit<typeof claims.$inferInsert, 'id' | 'rowVersion' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** Stores a new claim. */
export async function insertClaim(values: NewClaim, db: Tx) {
  return db
    .insert(claims)
    .values({ ...values, updatedAt: new Date() })
    .returning().then(only);
}

/** Fields of a claim a reviewer edits. */
export type ClaimPatch = Partial<{
  statement: string;
  claimant: string | null;
  claimDate: string | null;
  verdict: Verdict | null;
  rationale: string | null;
  tags: string[];
  assigneeId: string | null;
  status: ClaimStatus;
  from: number;
  to: number;
  orphaned: boolean;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  proposedBy: string | null;
  proposedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  lastChangedBy: string | null;
  dismissReason: string | null;
}>;

/** Applies a patch if the row version still matches; returns the new row or undefined when stale. */
export async function updateClaimIfVersion(claimId: string, rowVersion: number, patch: ClaimPatch, db: Tx) {
  return db
    .update(claims)
    .set({ ...patch, rowVersion: rowVersion + 1, updatedAt: new Date() })
    .where(and(eq(claims.id, claimId), eq(claims.rowVersion, rowVersion), isNull(claims.deletedAt)))
    .returning().then(only);
}

/** Hides a claim (soft delete); it stays in the database and the audit log. */
export async function markClaimDeleted(claimId: string, db: Tx) {
  await db.update(claims).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(claims.id, claimId));
}

/** The source, with its claim's document and the user's role — or undefined when not visible to the user. */
export async function getSourceForMember(sourceId: string, userId: string, db: DbOrTx = getDb()) {
  return db
    .select({ source: sources, claim: claims, role: memberships.role, workspaceId: documents.workspaceId, documentStatus: documents.status })
    .from(sources)
    .innerJoin(claims, and(eq(claims.id, sources.claimId), isNull(claims.deletedAt)))
    .innerJoin(documents, and(eq(documents.id, claims.documentId), isNull(documents.deletedAt)))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .where(eq(sources.id, sourceId))
    .then(first);
}

/** Sources of a claim in order. */
export async function getSourcesByClaimId(claimId: string, db: DbOrTx = getDb()) {
  return db.select().from(sources).where(eq(sources.claimId, claimId)).orderBy(asc(sources.position));
}

/** Appends a source to a claim's list. */
export async function insertSource(values: Omit<typeof sources.$inferInsert, 'id' | 'position' | 'createdAt' | 'updatedAt'>, db: Tx) {
  const last = await db.select({ n: max(sources.position) }).from(sources).where(eq(sources.claimId, values.claimId)).then(first);
  return db
    .insert(sources)
    .values({ ...values, position: (last?.n ?? -1) + 1, updatedAt: new Date() })
    .returning().then(only);
}

/** Changes a source's fields. */
export async function updateSource(sourceId: string, patch: Partial<typeof sources.$inferInsert>, db: Tx) {
  return db
    .update(sources)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(sources.id, sourceId))
    .returning().then(only);
}

/** Stores a new order of a claim's sources (ids in their new order). */
export async function reorderSources(orderedIds: string[], db: Tx) {
  for (const [position, id] of orderedIds.entries()) await db.update(sources).set({ position }).where(eq(sources.id, id));
}

/** Removes a source (its last state stays in the audit log). */
export async function deleteSource(sourceId: string, db: Tx) {
  await db.delete(sources).where(eq(sources.id, sourceId));
}

/** Changes review fields of a claim without a row-version check (inside a transaction that already read it). */
export async function setClaimReviewFields(claimId: string, patch: ClaimPatch, db: Tx) {
  return db
    .update(claims)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(claims.id, claimId))
    .returning().then(only);
}

/**
 * A user's claims — assigned to them, proposed by them or marked by them — in every
 * workspace they belong to, with their document's title and how each is theirs.
 */
export async function getMyClaims(userId: string, db: DbOrTx = getDb()) {
  return db
    .select({
      id: claims.id,
      statement: claims.statement,
      status: claims.status,
      verdict: claims.verdict,
      updatedAt: claims.updatedAt,
      documentId: documents.id,
      documentTitle: documents.title,
      documentStatus: documents.status,
      assigned: sql<number>`${claims.assigneeId} = ${userId}`.mapWith(Boolean),
      proposed: sql<number>`${claims.proposedBy} = ${userId}`.mapWith(Boolean),
      created: sql<number>`${claims.createdBy} = ${userId}`.mapWith(Boolean),
    })
    .from(claims)
    .innerJoin(documents, and(eq(documents.id, claims.documentId), isNull(documents.deletedAt)))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .where(and(or(eq(claims.assigneeId, userId), eq(claims.proposedBy, userId), eq(claims.createdBy, userId)), isNull(claims.deletedAt)))
    .orderBy(asc(documents.title), asc(claims.from));
}

/** The statements of the given claims (deleted ones too), by id. */
export async function getClaimStatementsByIds(ids: string[], db: DbOrTx = getDb()): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  return new Map((await db.select({ id: claims.id, statement: claims.statement }).from(claims).where(inArray(claims.id, ids))).map((c) => [c.id, c.statement]));
}
