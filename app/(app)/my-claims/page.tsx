import type { Metadata } from 'next';
import Link from 'next/link';
import { VerdictBadge } from '@/components/claims/verdict-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { CLAIM_STATUSES } from '@/db/enums';
import { getMyClaims } from '@/db/queries/claims';
import { getMentionsOf } from '@/db/queries/comments';
import { requireSessionUser } from '@/lib/auth/session';
import { CLAIM_STATUS_LABELS } from '@/lib/claims/verdicts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'My claims' };

/** The reader's claims across documents (assigned to them, proposed or marked by them), grouped by review state, and comments that mention them. */
export default async function MyClaimsPage() {
  const user = await requireSessionUser('/my-claims');
  const claims = getMyClaims(user.id);
  const mentions = getMentionsOf(user.id, 20);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>My claims</h1>
          <p className="muted">
            {claims.length === 0
              ? 'No claims are assigned to you, and you have not marked or proposed any.'
              : `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} assigned to you, proposed or marked by you.`}
          </p>
        </div>
      </div>
      {claims.length === 0 && (
        <div className="empty-state">
          <p>Claims appear here when you mark one, propose a verdict, or someone assigns one to you (or you press “Start checking”).</p>
        </div>
      )}
      {CLAIM_STATUSES.map((status) => {
        const group = claims.filter((c) => c.status === status);
        if (!group.length) return null;
        return (
          <section key={status} className="claim-group" aria-labelledby={`group-${status}`}>
            <h2 id={`group-${status}`}>
              {CLAIM_STATUS_LABELS[status]} <span className="count">{group.length}</span>
            </h2>
            <ul className="my-claims">
              {group.map((c) => (
                <li key={c.id}>
                  <Link href={`/documents/${c.documentId}?claim=${c.id}`} className="doc-link">
                    {c.statement}
                  </Link>
                  <span className="my-claim-meta">
                    <VerdictBadge verdict={c.verdict} /> in <em>{c.documentTitle}</em> · {c.assigned ? 'assigned to you' : c.proposed ? 'proposed by you' : 'marked by you'} · updated{' '}
                    <RelativeTime date={c.updatedAt.toISOString()} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <section className="claim-group" aria-labelledby="mentions">
        <h2 id="mentions">Mentions</h2>
        {mentions.length === 0 ? (
          <p className="muted">Nobody has mentioned you in a comment yet.</p>
        ) : (
          <ul className="my-claims">
            {mentions.map((m) => (
              <li key={m.id}>
                <Link href={`/documents/${m.documentId}?claim=${m.claimId}`} className="doc-link">
                  {m.authorName ?? 'A former member'}: “{m.body.length > 120 ? `${m.body.slice(0, 119)}…` : m.body}”
                </Link>
                <span className="my-claim-meta">
                  on “{m.claimStatement}” in <em>{m.documentTitle}</em> · <RelativeTime date={m.createdAt.toISOString()} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
