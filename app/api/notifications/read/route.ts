import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { getUnreadSummary, markNotificationsRead } from '@/db/queries/notifications';
import { wakeUsers } from '@/lib/notifications/live';
import { writeTransaction } from '@/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.union([
  z.object({ ids: z.array(z.number().int().min(1)).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** Marks notifications read: `{ids}` (ids that are not the caller's change nothing), or `{all: true}`. */
export const POST = withUser(async ({ req, user }) => {
  const body = await parseJsonBody(req, schema);
  const marked = await writeTransaction((tx) => markNotificationsRead(user.id, 'all' in body ? 'all' : body.ids, tx));
  // The caller's other tabs update their bell.
  if (marked) wakeUsers([user.id]);
  return { marked, unread: (await getUnreadSummary(user.id)).unread };
});
