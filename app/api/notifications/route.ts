import { z } from 'zod';
import { parseQuery, withUser } from '@/lib/api/handler';
import { getNotificationsByUserId, getUnreadSummary } from '@/db/queries/notifications';
import { translator } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request-locale';
import { serializeNotification } from '@/lib/notifications/serialize';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

/** The caller's notifications, newest first (`?before=<id>` pages back), each with its sentence in the caller's language, and the unread count. */
export const GET = withUser(async ({ req, user }) => {
  const { limit, before } = parseQuery(req, querySchema);
  const t = translator(requestLocale(req, user));
  const rows = await getNotificationsByUserId(user.id, { limit, beforeId: before });
  return { notifications: rows.map((r) => serializeNotification(r, t)), unread: (await getUnreadSummary(user.id)).unread };
});
