import type { Metadata } from 'next';
import Link from 'next/link';
import { VerdictBadge } from '@/components/claims/verdict-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { CLAIM_STATUSES } from '@/db/enums';
import { getMyClaims } from '@/db/queries/claims';
import { getMentionsOf } from '@/db/queries/comments';
import { requireSessionUser } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('myClaims'))('title') };
}

/** The reader's claims across documents (assigned to them, proposed or marked by them), grouped by review state, and comments that mention them. */
export default async function MyClaimsPage() {
  const user = await requireSessionUser('/my-claims');
  const claims = await getMyClaims(user.id);
  const mentions = await getMentionsOf(user.id, 20);
  const t = await getTranslations('myClaims');
  const ts = await getTranslations('claimStatus');
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {claims.length === 0
              ? t('none')
              : t('count', { count: claims.length })}
          </p>
        </div>
      </div>
      {claims.length === 0 && (
        <div className="empty-state">
          <p>{t('empty')}</p>
        </div>
      )}
      {CLAIM_STATUSES.map((status) => {
        const group = claims.filter((c) => c.status === status);
        if (!group.length) return null;
        return (
          <section key={status} className="claim-group" aria-labelledby={`group-${status}`}>
            <h2 id={`group-${status}`}>
              {ts(status)} <span className="count">{group.length}</span>
            </h2>
            <ul className="my-claims">
              {group.map((c) => (
                <li key={c.id}>
                  <Link href={`/documents/${c.documentId}?claim=${c.id}`} className="doc-link">
                    {c.statement}
                  </Link>
                  <span className="my-claim-meta">
                    <VerdictBadge verdict={c.verdict} />{' '}
                    {t.rich('meta', { title: c.documentTitle, how: c.assigned ? 'assigned' : c.proposed ? 'proposed' : 'marked', em: (chunks) => <em>{chunks}</em> })}{' '}
                    <RelativeTime date={c.updatedAt.toISOString()} />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <section className="claim-group" aria-labelledby="mentions">
        <h2 id="mentions">{t('mentions')}</h2>
        {mentions.length === 0 ? (
          <p className="muted">{t('noMentions')}</p>
        ) : (
          <ul className="my-claims">
            {mentions.map((m) => (
              <li key={m.id}>
                <Link href={`/documents/${m.documentId}?claim=${m.claimId}`} className="doc-link">
                  {m.authorName ?? t('formerMember')}: “{m.body.length > 120 ? `${m.body.slice(0, 119)}…` : m.body}”
                </Link>
                <span className="my-claim-meta">
                  {t.rich('mentionMeta', { claim: m.claimStatement, title: m.documentTitle, em: (chunks) => <em>{chunks}</em> })} <RelativeTime date={m.createdAt.toISOString()} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
