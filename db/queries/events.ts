/** The append-only audit log. */
import { and, asc, eq, gt, isNotNull, or } from 'drizzle-orm';
import { getDb, only, type DbOrTx, type Tx, jsonText } from '../index';
import { events, users } from '../schema';

/** What an audit event records. */
export interface AuditEventInput {
  workspaceId: string;
  documentId?: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one event to the audit log (call inside the mutation's transaction); returns it. */
export async function insertEvent(input: AuditEventInput, db: Tx) {
  return db
    .insert(events)
    .values({
      workspaceId: input.workspaceId,
      documentId: input.documentId ?? null,
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      before: input.before ?? null,
      after: input.after ?? null,
    })
    .returning().then(only);
}

/** Who acted on a document (ids of the actors of its events). */
export async function getDocumentActorIds(documentId: string, db: DbOrTx = getDb()): Promise<string[]> {
  return (await db
    .selectDistinct({ actorId: events.actorId })
    .from(events)
    .where(and(eq(events.documentId, documentId), isNotNull(events.actorId))))
    .map((r) => r.actorId!);
}

/** Events of a document (all its subjects), oldest first, with actor names; `afterId` pages on. */
export async function getEventsByDocumentId(documentId: string, opts: { afterId?: number; limit?: number } = {}, db: DbOrTx = getDb()) {
  return (await db
    .select({ event: events, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.documentId, documentId), gt(events.id, opts.afterId ?? 0)))
    .orderBy(asc(events.id))
    .limit(opts.limit ?? 500))
    .map((r) => ({ ...r.event, actorName: r.actorName }));
}

/**
 * Events about one claim: its own, and those of its sources and comments (which name the
 * claim in `before`/`after`), oldest first.
 */
export async function getEventsByClaimId(documentId: string, claimId: string, db: DbOrTx = getDb()) {
  return (await db
    .select({ event: events, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(
      and(
        eq(events.documentId, documentId),
        or(
          and(eq(events.subjectType, 'claim'), eq(events.subjectId, claimId)),
          eq(jsonText(db, events.after, 'claimId'), claimId),
          eq(jsonText(db, events.before, 'claimId'), claimId),
        ),
      ),
    )
    .orderBy(asc(events.id)))
    .map((r) => ({ ...r.event, actorName: r.actorName }));
}
