/** The append-only audit log. */
import { getDb, type DbOrTx } from '../index';
import { events } from '../schema';

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

/** Appends one event to the audit log (call inside the mutation's transaction). */
export function insertEvent(input: AuditEventInput, db: DbOrTx = getDb()) {
  db.insert(events)
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
    .run();
}
