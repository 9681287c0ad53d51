/**
 * Who hears about an audit event. One rule per kind of notification; nobody is told about
 * their own action, and only current members of the workspace are told anything.
 *
 * - mention: a comment (new, reply or edit) names a member with @ — the members newly named;
 * - assignment: a claim is given to someone — the new assignee;
 * - review_request: a verdict is proposed — the members who may approve it and have worked on
 *   the document (all who may approve, when none has yet);
 * - changes_requested: a proposal was sent back — its proposer and the claim's assignee;
 * - signed_off / reopened: the document was signed off or reopened — everyone who worked on it.
 */
import type { Tx } from '@/db';
import { getClaimWithSources } from '@/db/queries/claims';
import { getDocumentActorIds, type AuditEventInput } from '@/db/queries/events';
import { insertNotifications } from '@/db/queries/notifications';
import { getMembersByWorkspaceId } from '@/db/queries/users';
import type { NotificationKind } from '@/db/schema';
import { can } from '../permissions';

type Recipient = { userId: string; kind: NotificationKind };

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
function field(record: unknown, key: string): unknown {
  return record && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
}

/** The recipients of an event, before the rules common to all (not the actor, members only). */
async function candidates(event: AuditEventInput, tx: Tx): Promise<Recipient[]> {
  const { action } = event;
  const to = (userIds: (string | null | undefined)[], kind: NotificationKind) => userIds.filter((u): u is string => !!u).map((userId) => ({ userId, kind }));
  if (action === 'comment.added' || action === 'comment.replied' || action === 'comment.edited') {
    const before = new Set(ids(field(event.before, 'mentions')));
    return to(ids(field(event.after, 'mentions')).filter((u) => !before.has(u)), 'mention');
  }
  if (action === 'claim.created' || action === 'claim.updated') {
    const assignee = field(event.after, 'assigneeId');
    if (typeof assignee === 'string' && assignee !== field(event.before, 'assigneeId')) return to([assignee], 'assignment');
    return [];
  }
  if (action === 'claim.propose' && event.documentId) {
    const approvers = (await getMembersByWorkspaceId(event.workspaceId, tx)).filter((m) => can(m.role, 'claim:approve') && m.id !== event.actorId);
    const worked = new Set(await getDocumentActorIds(event.documentId, tx));
    const involved = approvers.filter((m) => worked.has(m.id));
    return to((involved.length ? involved : approvers).map((m) => m.id), 'review_request');
  }
  if (action === 'claim.request_changes') {
    const claim = await getClaimWithSources(event.subjectId, tx);
    return to([claim?.proposedBy, claim?.assigneeId], 'changes_requested');
  }
  if ((action === 'document.sign_off' || action === 'document.reopen') && event.documentId) {
    return to(await getDocumentActorIds(event.documentId, tx), action === 'document.sign_off' ? 'signed_off' : 'reopened');
  }
  return [];
}

/** Stores the notifications an event causes (inside the event's transaction); returns who was notified. */
export async function notifyAbout(eventId: number, event: AuditEventInput, tx: Tx): Promise<string[]> {
  const list = await candidates(event, tx);
  if (!list.length) return [];
  const members = new Set((await getMembersByWorkspaceId(event.workspaceId, tx)).map((m) => m.id));
  const seen = new Set<string>();
  const recipients = list.filter((r) => r.userId !== event.actorId && members.has(r.userId) && !seen.has(r.userId) && seen.add(r.userId));
  await insertNotifications(eventId, recipients, tx);
  return recipients.map((r) => r.userId);
}
