import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDocumentForMember } from '@/db/queries/documents';
import { documentHistory } from '@/lib/audit/history';
import { requireSessionUser } from '@/lib/auth/session';
import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activityPage'))('title') };
}

/** The document's activity feed: its audit trail, newest first, one sentence per event. */
export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/documents/${id}/activity`);
  const document = await getDocumentForMember(id, user.id);
  if (!document) notFound();
  const locale = await getLocale();
  const t = await getTranslations('activityPage');
  const events = (await documentHistory(document, { limit: 5000 }, isLocale(locale) ? locale : 'en')).reverse();
  return (
    <div className="page narrow">
      <p>
        <Link href={`/documents/${document.id}`}>{t('back', { title: document.title })}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {document.title} · <StatusBadge status={document.status} /> · {t('revision', { revision: document.revision })}
          </p>
        </div>
      </div>
      {events.length === 0 ? (
        <p className="muted">{t('nothing')}</p>
      ) : (
        <ol className="activity-feed" aria-label={t('feed')}>
          {events.map((e) => (
            <li key={e.id} className={`activity-item action-${e.action.replace('.', '-')}`}>
              <span className="activity-text">{e.summary}</span>
              <span className="activity-time">
                <RelativeTime date={e.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">
        {t.rich('note', { url: `/api/documents/${document.id}/history`, code: (chunks) => <code>{chunks}</code> })}
      </p>
    </div>
  );
}
