import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDocumentForMember } from '@/db/queries/documents';
import { documentHistory } from '@/lib/audit/history';
import { requireSessionUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Activity' };

/** The document's activity feed: its audit trail, newest first, one sentence per event. */
export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/documents/${id}/activity`);
  const document = getDocumentForMember(id, user.id);
  if (!document) notFound();
  const events = documentHistory(document, { limit: 5000 }).reverse();
  return (
    <div className="page narrow">
      <p>
        <Link href={`/documents/${document.id}`}>← Back to “{document.title}”</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Activity</h1>
          <p className="muted">
            {document.title} · <StatusBadge status={document.status} /> · revision {document.revision}
          </p>
        </div>
      </div>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ol className="activity-feed" aria-label="Activity, newest first">
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
        Text edits are kept step by step with their author and time; this feed lists the review decisions, claims, sources and comments. The
        same events are available as JSON at <code>/api/documents/{document.id}/history</code>.
      </p>
    </div>
  );
}
