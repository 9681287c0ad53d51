import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { InboxList } from '@/components/notifications/inbox-list';
import { getNotificationsByUserId, getUnreadSummary } from '@/db/queries/notifications';
import { requireSessionUser } from '@/lib/auth/session';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { serializeNotification } from '@/lib/notifications/serialize';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

/** The inbox page. */
export default async function NotificationsPage() {
  const user = await requireSessionUser('/notifications');
  const locale = await getLocale();
  const t = translator(isLocale(locale) ? locale : 'en');
  const notifications = (await getNotificationsByUserId(user.id, { limit: 100 })).map((r) => serializeNotification(r, t));
  return (
    <div className="page narrow">
      <InboxList initial={{ notifications, unread: (await getUnreadSummary(user.id)).unread }} />
    </div>
  );
}
