/** Notifications: who should know about which audit event, read or not, mailed or not. */
import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { first, getDb, type DbOrTx, type Tx, jsonText } from '../index';
import { claims, documents, events, memberships, notifications, users, type NotificationKind } from '../schema';

/** Stores one notification per recipient of an event. */
export async function insertNotifications(eventId: number, recipients: { userId: string; kind: NotificationKind }[], db: Tx) {
  if (!recipients.length) return;
  await db.insert(notifications)
    .values(recipients.map((r) => ({ eventId, userId: r.userId, kind: r.kind })));
}

const actors = aliasedTable(users, 'actors');

/** A notification with what it needs to be read: the event, its actor, the document and the claim. */
function selectNotifications(db: DbOrTx) {
  return db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      action: events.action,
      after: events.after,
      subjectType: events.subjectType,
      subjectId: events.subjectId,
      actorName: actors.name,
      documentId: events.documentId,
      documentTitle: documents.title,
      claimId: claims.id,
      claimStatement: claims.statement,
    })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    // Only while the reader is still a member of the event's workspace.
    .innerJoin(memberships, and(eq(memberships.workspaceId, events.workspaceId), eq(memberships.userId, notifications.userId)))
    .leftJoin(actors, eq(actors.id, events.actorId))
    .leftJoin(documents, eq(documents.id, events.documentId))
    .leftJoin(
      claims,
      eq(
        claims.id,
        sql`CASE WHEN ${events.subjectType} = 'claim' THEN ${events.subjectId} ELSE ${jsonText(db, events.after, 'claimId')} END`,
      ),
    );
}
export type NotificationListRow = Awaited<ReturnType<ReturnType<typeof selectNotifications>['all']>>[number];

/** A user's notifications, newest first; `beforeId` pages back. Deleted documents' notifications are left out. */
export async function getNotificationsByUserId(userId: string, opts: { limit?: number; beforeId?: number } = {}, db: DbOrTx = getDb()) {
  return selectNotifications(db)
    .where(and(eq(notifications.userId, userId), opts.beforeId ? lt(notifications.id, opts.beforeId) : undefined, isNull(documents.deletedAt)))
    .orderBy(desc(notifications.id))
    .limit(opts.limit ?? 50);
}

/** How many unread notifications a user has, and the newest notification's id (0 when none). */
export async function getUnreadSummary(userId: string, db: DbOrTx = getDb()) {
  const row = await db
    .select({
      unread: sql<number>`COALESCE(SUM(CASE WHEN ${notifications.readAt} IS NULL AND ${documents.deletedAt} IS NULL THEN 1 ELSE 0 END), 0)`,
      latest: sql<number>`COALESCE(MAX(${notifications.id}), 0)`,
    })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, events.workspaceId), eq(memberships.userId, notifications.userId)))
    .leftJoin(documents, eq(documents.id, events.documentId))
    .where(eq(notifications.userId, userId))
    .then(first);
  return { unread: Number(row?.unread ?? 0), latest: Number(row?.latest ?? 0) };
}

/** Marks a user's notifications read: the given ids (others' ids are ignored), or all. */
export async function markNotificationsRead(userId: string, ids: number[] | 'all', db: Tx): Promise<number> {
  const where = and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1]));
  return (await db.update(notifications).set({ readAt: new Date() }).where(where).returning({ id: notifications.id })).length;
}

/**
 * Takes notifications for e-mail: marks every unmailed notification of the users chosen by
 * `mode` as mailed (so that a second process cannot send them too) and returns them.
 * `instant`: everything of users who want each notification at once; `daily`: everything of
 * users who want a digest and whose last digest went out before `digestBefore`.
 */
export async function takeNotificationsForMail(mode: 'instant' | 'daily', now: Date, digestBefore: Date, db: Tx) {
  const wanted = db
    .select({ id: users.id })
    .from(users)
    .where(
      mode === 'instant'
        ? eq(users.emailNotifications, 'instant')
        : and(eq(users.emailNotifications, 'daily'), or(isNull(users.digestSentAt), lt(users.digestSentAt, digestBefore))),
    );
  const rows = await selectNotifications(db)
    .where(and(isNull(notifications.emailedAt), isNull(notifications.readAt), inArray(notifications.userId, wanted), isNull(documents.deletedAt)))
    .orderBy(asc(notifications.id))
    .limit(1000);
  if (rows.length) {
    await db.update(notifications)
      .set({ emailedAt: now })
      .where(inArray(notifications.id, rows.map((r) => r.id)));
  }
  return rows;
}

/** Gives notifications back for the next try (their e-mail could not be sent). */
export async function releaseNotificationsForMail(ids: number[], db: Tx) {
  if (ids.length) await db.update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, ids));
}

/** Forgets that notifications of users who do not want e-mail are waiting for it. */
export async function skipNotificationsForMail(now: Date, db: Tx) {
  const off = db.select({ id: users.id }).from(users).where(eq(users.emailNotifications, 'off'));
  await db.update(notifications)
    .set({ emailedAt: now })
    .where(and(isNull(notifications.emailedAt), inArray(notifications.userId, off)));
}
