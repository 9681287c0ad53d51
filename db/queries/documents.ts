/** Queries on documents and their collaboration steps. */
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { cachedStatement, dialectOf, first, getDb, lockForUpdate, only, preparedRows, type DbOrTx, type Tx, exec, rows } from '../index';
import { documentSnapshots, documents, memberships, steps, users, type DocumentRow, type DocumentStatus } from '../schema';
import { PG_CLAIM_ANCHORS, type StoredAnchor } from './claims';

/** A document row joined with the reader's role in its workspace. */
export type DocumentForMember = DocumentRow & { role: (typeof memberships.$inferSelect)['role'] };

/**
 * The document if it exists, is not deleted, and `userId` is a member of its workspace;
 * otherwise undefined. Missing and foreign look the same, so ids leak nothing.
 */
export async function getDocumentForMember(documentId: string, userId: string, db: DbOrTx = getDb()): Promise<DocumentForMember | undefined> {
  const row = await db
    .select({ document: documents, role: memberships.role })
    .from(documents)
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .where(and(eq(documents.id, documentId), isNull(documents.deletedAt)))
    .then(first);
  return row ? { ...row.document, role: row.role } : undefined;
}

/** The list of documents in the given workspaces, most recently edited first, without their content. */
export async function getDocumentSummariesByWorkspaceIds(workspaceIds: string[], db: DbOrTx = getDb()) {
  if (workspaceIds.length === 0) return [];
  return db
    .select({
      id: documents.id,
      workspaceId: documents.workspaceId,
      title: documents.title,
      language: documents.language,
      status: documents.status,
      version: documents.version,
      updatedAt: documents.updatedAt,
      updatedByName: users.name,
      // Review progress: live claims, and those approved or dismissed (what a sign-off needs).
      claims: sql<number>`(SELECT count(*) FROM claims c WHERE c.document_id = ${documents.id} AND c.deleted_at IS NULL)`,
      claimsDone: sql<number>`(SELECT count(*) FROM claims c WHERE c.document_id = ${documents.id} AND c.deleted_at IS NULL AND c.status IN ('approved', 'dismissed'))`,
    })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.updatedBy))
    .where(and(inArray(documents.workspaceId, workspaceIds), isNull(documents.deletedAt)))
    .orderBy(desc(documents.updatedAt));
}

/** Stores a new document. */
export async function insertDocument(
  props: { workspaceId: string; title: string; language: string; sourceUrl: string | null; byline?: string | null; publishedAt?: string | null; doc: unknown; userId: string },
  db: Tx,
) {
  const now = new Date();
  const row = await db
    .insert(documents)
    .values({
      workspaceId: props.workspaceId,
      title: props.title,
      language: props.language,
      sourceUrl: props.sourceUrl,
      byline: props.byline ?? null,
      publishedAt: props.publishedAt ?? null,
      createdBy: props.userId,
      updatedBy: props.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning().then(only);
  await db.insert(documentSnapshots).values({ documentId: row.id, version: 0, doc: props.doc });
  await exec(db, sql`INSERT INTO documents_search (document_id, title, body) VALUES (${row.id}, ${row.title}, ${plainTextOfJSON(props.doc)})`);
  return row;
}

/** Changes a document's metadata (title, language, source URL, status). */
export async function updateDocumentMeta(
  documentId: string,
  patch: Partial<{ title: string; language: string; sourceUrl: string | null; byline: string | null; publishedAt: string | null; status: DocumentStatus; revision: number }>,
  userId: string,
  db: Tx,
) {
  if (patch.title !== undefined) await exec(db, sql`UPDATE documents_search SET title = ${patch.title} WHERE document_id = ${documentId}`);
  return db
    .update(documents)
    .set({ ...patch, updatedAt: new Date(), updatedBy: userId })
    .where(eq(documents.id, documentId))
    .returning().then(only);
}

/** Hides a document (soft delete): its rows and history stay in the database. */
export async function markDocumentDeleted(documentId: string, db: Tx) {
  await db.update(documents).set({ deletedAt: new Date() }).where(eq(documents.id, documentId));
  await exec(db, sql`DELETE FROM documents_search WHERE document_id = ${documentId}`);
}

/** Archives a document (out of the list unless asked for) or brings it back. */
export async function setDocumentArchived(documentId: string, archived: boolean, db: Tx) {
  await db.update(documents).set({ archivedAt: archived ? new Date() : null }).where(eq(documents.id, documentId));
}

/**
 * Locks a document's row until the transaction ends, before reading anything of it to change
 * it (PostgreSQL; on SQLite the write lock already does): the step authority, claim, review,
 * comment and document commands of one document take turns, in every process.
 */
export async function lockDocument(documentId: string, tx: Tx): Promise<void> {
  await lockForUpdate(tx, documents, documentId);
}

/** The collaboration state of a document: version, snapshot version and status (not the content, which may be large). */
export async function getDocumentCollabState(documentId: string, db: DbOrTx = getDb()) {
  if (dialectOf(db) === 'postgresql') {
    // Prepared once per connection: every request of steps and every stream's poll reads it.
    return first(
      await preparedRows<{ version: number; docVersion: number; status: DocumentStatus; revision: number; deletedAt: Date | null }>(
        db,
        'factdesk_collab_state',
        'SELECT d.version, s.version AS "docVersion", d.status, d.revision, d.deleted_at AS "deletedAt" FROM documents d JOIN document_snapshots s ON s.document_id = d.id WHERE d.id = $1',
        [documentId],
      ),
    );
  }
  // On SQLite a cached raw statement: this runs on every batch of steps (inside their
  // transaction, given its tx, it reads what that transaction sees), and building the query
  // costs more than running it there.
  const row = cachedStatement(
    db,
    'SELECT d.version, s.version AS docVersion, d.status, d.revision, d.deleted_at AS deletedAt FROM documents d JOIN document_snapshots s ON s.document_id = d.id WHERE d.id = ?',
  ).get(documentId) as
    | { version: number; docVersion: number; status: DocumentStatus; revision: number; deletedAt: number | null }
    | undefined;
  return row && { ...row, deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt) };
}

/**
 * The collaboration state, read to change the document: on PostgreSQL the row is locked until
 * commit in the same round trip (`FOR UPDATE OF d`), so the step authority of every process
 * takes its turn here, and the claims' anchors come along (every round trip waits on another
 * process); on SQLite the write transaction already excludes every other writer, and
 * `anchors` is left out (the authority reads them when the steps change text).
 */
export async function lockCollabState(
  documentId: string,
  tx: Tx,
): Promise<{ version: number; docVersion: number; status: DocumentStatus; revision: number; deletedAt: Date | null; anchors?: StoredAnchor[] } | undefined> {
  if (dialectOf(tx) !== 'postgresql') return getDocumentCollabState(documentId, tx);
  return first(
    await preparedRows<{ version: number; docVersion: number; status: DocumentStatus; revision: number; deletedAt: Date | null; anchors: StoredAnchor[] }>(
      tx,
      'factdesk_lock_collab_state',
      `SELECT d.version, s.version AS "docVersion", d.status, d.revision, d.deleted_at AS "deletedAt", ${PG_CLAIM_ANCHORS} AS anchors
         FROM documents d JOIN document_snapshots s ON s.document_id = d.id WHERE d.id = $1 FOR UPDATE OF d`,
      [documentId],
    ),
  );
}

/** A document's stored snapshot (ProseMirror JSON), the version it is at, and the document's version. */
export async function getDocumentContent(documentId: string, db: DbOrTx = getDb()) {
  return db
    .select({ version: documents.version, docVersion: documentSnapshots.version, doc: documentSnapshots.doc })
    .from(documents)
    .innerJoin(documentSnapshots, eq(documentSnapshots.documentId, documents.id))
    .where(eq(documents.id, documentId))
    .then(first);
}

/** How many step rows one INSERT statement carries when a request brings many steps. */
const STEP_ROWS_PER_INSERT = 50;

/**
 * Stores accepted steps, the document's new version and, when given, a new snapshot of
 * the document at that version. The insert fails on the (document, version) primary key
 * if another writer already took one of these versions. Raw prepared statements: this runs
 * for every accepted batch of steps.
 */
export async function insertStepsAndUpdateDocument(props: {
  documentId: string;
  fromVersion: number;
  steps: unknown[];
  clientId: string;
  userId: string;
  /** The document after the steps, to store as the new snapshot; omit to keep the old one. */
  snapshot?: unknown;
}, tx: Tx) {
  if (dialectOf(tx) === 'postgresql') return insertStepsAndUpdateDocumentPg(props, tx);
  const now = Date.now();
  // Rows go in STEP_ROWS_PER_INSERT at a time (one call into SQLite instead of one per row), the rest one by one.
  const many = cachedStatement(tx, `INSERT INTO steps (document_id, version, step, client_id, user_id, created_at) VALUES ${Array(STEP_ROWS_PER_INSERT).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`);
  const one = cachedStatement(tx, 'INSERT INTO steps (document_id, version, step, client_id, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const row = (i: number) => [props.documentId, props.fromVersion + i + 1, JSON.stringify(props.steps[i]), props.clientId, props.userId, now];
  let i = 0;
  for (; i + STEP_ROWS_PER_INSERT <= props.steps.length; i += STEP_ROWS_PER_INSERT) {
    const values: unknown[] = [];
    for (let j = i; j < i + STEP_ROWS_PER_INSERT; j++) values.push(...row(j));
    many.run(values);
  }
  for (; i < props.steps.length; i++) one.run(row(i));
  const newVersion = props.fromVersion + props.steps.length;
  cachedStatement(tx, 'UPDATE documents SET version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?').run(newVersion, now, props.userId, props.documentId, props.fromVersion);
  if (props.snapshot !== undefined) {
    cachedStatement(tx, 'UPDATE document_snapshots SET version = ?, doc = ? WHERE document_id = ?').run(newVersion, JSON.stringify(props.snapshot), props.documentId);
  }
  return newVersion;
}

/**
 * The same on PostgreSQL: one round trip per STEP_ROWS_PER_INSERT steps, the last rows and the
 * document's new version in one statement (each round trip waits on another process).
 */
async function insertStepsAndUpdateDocumentPg(props: Parameters<typeof insertStepsAndUpdateDocument>[0], tx: Tx) {
  const now = new Date();
  const values = props.steps.map((step, i) => ({ documentId: props.documentId, version: props.fromVersion + i + 1, step, clientId: props.clientId, userId: props.userId, createdAt: now }));
  let i = 0;
  const chunk = Array.from({ length: STEP_ROWS_PER_INSERT }, (_, j) => `($1, $${j * 2 + 5}, $${j * 2 + 6}::json, $2, $3, $4)`).join(', ');
  for (; values.length - i > STEP_ROWS_PER_INSERT; i += STEP_ROWS_PER_INSERT) {
    await preparedRows(
      tx,
      'factdesk_insert_steps',
      `INSERT INTO steps (document_id, version, step, client_id, user_id, created_at) VALUES ${chunk}`,
      [props.documentId, props.clientId, props.userId, now, ...values.slice(i, i + STEP_ROWS_PER_INSERT).flatMap((v) => [v.version, JSON.stringify(v.step)])],
    );
  }
  const newVersion = props.fromVersion + props.steps.length;
  // The last rows (all of them for a keystroke) and the new version: one prepared statement per row count.
  const n = values.length - i;
  const placeholders = Array.from({ length: n }, (_, j) => `($1, $${j * 2 + 7}, $${j * 2 + 8}::json, $2, $3, $4)`).join(', ');
  const updated = await preparedRows(
    tx,
    `factdesk_store_steps_${n}`,
    `WITH stored AS (INSERT INTO steps (document_id, version, step, client_id, user_id, created_at) VALUES ${placeholders})
     UPDATE documents SET version = $5, updated_at = $4, updated_by = $3 WHERE id = $1 AND version = $6 RETURNING 1`,
    [props.documentId, props.clientId, props.userId, now, newVersion, props.fromVersion, ...values.slice(i).flatMap((v) => [v.version, JSON.stringify(v.step)])],
  );
  // The caller holds the document's lock at fromVersion: anything else is a bug, and rolls back.
  if (updated.length !== 1) throw new Error(`the document ${props.documentId} was not at version ${props.fromVersion} when its steps were stored`);
  if (props.snapshot !== undefined) await tx.update(documentSnapshots).set({ version: newVersion, doc: props.snapshot }).where(eq(documentSnapshots.documentId, props.documentId));
  return newVersion;
}

/** Steps after `version`, oldest first. */
export async function getStepsSince(documentId: string, version: number, db: DbOrTx = getDb()): Promise<{ version: number; step: unknown; clientId: string }[]> {
  if (dialectOf(db) === 'postgresql') {
    // Prepared once per connection: streams read every new step here.
    return preparedRows(db, 'factdesk_steps_since', 'SELECT version, step, client_id AS "clientId" FROM steps WHERE document_id = $1 AND version > $2 ORDER BY version', [documentId, version]);
  }
  return db
    .select({ version: steps.version, step: steps.step, clientId: steps.clientId })
    .from(steps)
    .where(and(eq(steps.documentId, documentId), gt(steps.version, version)))
    .orderBy(asc(steps.version));
}

/** The document row by id (deleted or not), or undefined. */
export async function getDocumentById(documentId: string, db: DbOrTx = getDb()) {
  return db.select().from(documents).where(eq(documents.id, documentId)).then(first);
}

/** Stores a document's plain text in the search index (`documents_search`). */
export async function setSearchText(documentId: string, body: string, db: Tx) {
  await exec(db, sql`UPDATE documents_search SET body = ${body} WHERE document_id = ${documentId}`);
}

/** Live documents whose text is not in the search index yet (from before it existed). */
export async function getDocumentIdsWithoutSearchText(db: DbOrTx = getDb()): Promise<string[]> {
  return (await rows<{ id: string }>(db, sql`SELECT s.document_id AS id FROM documents_search s JOIN documents d ON d.id = s.document_id WHERE s.body = '' AND d.deleted_at IS NULL`)).map((r) => r.id);
}

/** The plain text of ProseMirror JSON (blocks on their own lines), without building nodes: for the search index. */
function plainTextOfJSON(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const { text, content } = n as { text?: unknown; content?: unknown };
    if (typeof text === 'string') out.push(text);
    if (Array.isArray(content)) {
      for (const child of content) walk(child);
      if (content.length && !(content[0] as { text?: unknown })?.text) return;
      out.push('\n');
    }
  };
  walk(node);
  return out.join('').replace(/\n+/g, '\n').trim();
}

/** The workspace a document belongs to. */
export async function getDocumentWorkspaceId(documentId: string, db: DbOrTx = getDb()): Promise<string> {
  const row = await db.select({ workspaceId: documents.workspaceId }).from(documents).where(eq(documents.id, documentId)).then(first);
  if (!row) throw new Error(`document ${documentId} does not exist`);
  return row.workspaceId;
}
