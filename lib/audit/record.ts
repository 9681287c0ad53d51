/**
 * Records an audit event and what follows from it: the notifications of the people it
 * concerns (lib/notifications/derive.ts), stored in the same transaction, and a wake-up for
 * their open inboxes once it commits. Every command writes its events through here.
 */
import type { Tx } from '@/db';
import { insertEvent, type AuditEventInput } from '@/db/queries/events';
import { notifyAbout } from '../notifications/derive';
import { wakeUsers } from '../notifications/live';

export async function recordEvent(input: AuditEventInput, tx: Tx) {
  const row = await insertEvent(input, tx);
  wakeUsers(await notifyAbout(row.id, input, tx));
  return row;
}
