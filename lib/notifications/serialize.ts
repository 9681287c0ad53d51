/** A notification as the API, the inbox and e-mails show it: what happened, in the reader's language. */
import type { NotificationListRow } from '@/db/queries/notifications';
import type { Translator } from '../i18n/messages';

/** Where a notification leads: the claim in its document, or the document. */
export function notificationPath(row: Pick<NotificationListRow, 'documentId' | 'claimId' | 'kind'>): string {
  if (!row.documentId) return '/notifications';
  return row.claimId && row.kind !== 'signed_off' && row.kind !== 'reopened' ? `/documents/${row.documentId}?claim=${row.claimId}` : `/documents/${row.documentId}`;
}

/** One sentence: "Rita Reviewer mentioned you on “…” in NATO und Russland". */
export function notificationText(row: NotificationListRow, t: Translator): string {
  const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);
  return t(`notifications.kind.${row.kind}`, {
    actor: row.actorName ?? t('notifications.someone'),
    claim: row.claimStatement ? clip(row.claimStatement) : t('notifications.aClaim'),
    document: row.documentTitle ?? t('notifications.aDocument'),
  });
}

export function serializeNotification(row: NotificationListRow, t: Translator) {
  return {
    id: row.id,
    kind: row.kind,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
    actorName: row.actorName,
    document: row.documentId ? { id: row.documentId, title: row.documentTitle } : null,
    claim: row.claimId ? { id: row.claimId, statement: row.claimStatement } : null,
    text: notificationText(row, t),
    url: notificationPath(row),
  };
}
export type NotificationJSON = ReturnType<typeof serializeNotification>;
