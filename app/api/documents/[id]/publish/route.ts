import { withDocument } from '@/lib/api/guards';
import { publishReport, unpublishReport } from '@/lib/documents/publish';
import { requestTimeZone } from '@/lib/i18n/request-locale';
import { publicBaseUrl } from '@/lib/exports';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Publishes the signed-off report at a public address (editors and admins) → `{url, revision}`; not signed off → 409. */
export const POST = withDocument({ action: 'document:publish' }, ({ req, user, document }) => publishReport({ userId: user.id, document, publicBaseUrl: publicBaseUrl(req.url), timeZone: requestTimeZone(req, user) }));

/** Takes the public report down → 204 (404 when not published). */
export const DELETE = withDocument({ action: 'document:publish' }, async ({ user, document }) => {
  await unpublishReport({ userId: user.id, document });
  return new Response(null, { status: 204 });
});
