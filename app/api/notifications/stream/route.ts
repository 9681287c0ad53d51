import { withUser } from '@/lib/api/handler';
import { openInboxStream } from '@/lib/notifications/stream';
import { getActiveSessionUser } from '@/db/queries/sessions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events: `inbox` {unread, latest} at once and whenever the caller's notifications
 * change (at once in this process, within two seconds from another); `reload` when the session ends.
 */
export const GET = withUser(({ req, user }) =>
  openInboxStream({ userId: user.id, signal: req.signal, endReason: async () => (await getActiveSessionUser(user.sessionId) ? null : 'signed-out') }),
);
