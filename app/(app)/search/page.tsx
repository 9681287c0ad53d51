import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { VerdictBadge } from '@/components/claims/verdict-badge';
import { DateField, SelectField } from '@/components/ui/fields';
import { StatusBadge } from '@/components/ui/status-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { CLAIM_STATUSES, VERDICTS, type DocumentStatus, type Verdict } from '@/db/enums';
import { HIT_END, HIT_START } from '@/db/queries/claim-search';
import { requireSessionUser } from '@/lib/auth/session';
import { LANGUAGES, languageNameIn } from '@/lib/languages';
import { search, searchQuerySchema } from '@/lib/search/search';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('search'))('title') };
}

/** A snippet with its matches marked: the text stays text (the markers are control characters, never HTML). */
function Snippet({ text }: { text: string | null }) {
  if (!text) return null;
  const parts = text.split(new RegExp(`(${HIT_START}[^${HIT_END}]*${HIT_END})`));
  return (
    <span className="snippet" dir="auto">
      {parts.map((p, i) => (p.startsWith(HIT_START) ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}
    </span>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser('/search');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = searchQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const asked = Object.keys(query).length > 0;
  const results = asked ? await search(user.id, query) : { claims: [], documents: [] };
  const t = await getTranslations('search');
  const tv = await getTranslations('verdicts');
  const ts = await getTranslations('claimStatus');
  const locale = await getLocale();
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <form className="list-filters" role="search" aria-label={t('form')} method="get" action="/search">
        <label className="field grow">
          <span>{t('q')}</span>
          <input type="search" name="q" defaultValue={query.q ?? ''} placeholder={t('placeholder')} autoFocus={!asked} />
        </label>
        <SelectField label={t('verdict')} name="verdict" value={query.verdict} any={t('any')} options={[{ value: 'none', label: t('noVerdict') }, ...VERDICTS.map((v) => ({ value: v, label: tv(v) }))]} />
        <SelectField label={t('status')} name="status" value={query.status} any={t('any')} options={CLAIM_STATUSES.map((s) => ({ value: s, label: ts(s) }))} />
        <SelectField label={t('language')} name="language" value={query.language} any={t('any')} options={LANGUAGES.map((l) => ({ value: l.tag, label: languageNameIn(l.tag, locale) }))} />
        <label className="field">
          <span>{t('tag')}</span>
          <input name="tag" defaultValue={query.tag ?? ''} maxLength={100} />
        </label>
        <DateField label={t('from')} name="from" value={query.from} />
        <DateField label={t('to')} name="to" value={query.to} />
        <span className="actions">
          <button type="submit" className="button primary small">
            {t('submit')}
          </button>
        </span>
      </form>
      {!parsed.success && (
        <p className="form-error" role="alert">
          {t('bad')}
        </p>
      )}
      {asked && (
        <div className="search-results">
          <section aria-labelledby="claim-results">
            <h2 id="claim-results">{t('claims', { count: results.claims.length })}</h2>
            {results.claims.length === 0 ? (
              <p className="muted">{t('none')}</p>
            ) : (
              <ol className="result-list">
                {results.claims.map((c) => (
                  <li key={c.id}>
                    <Link href={`/documents/${c.document.id}?claim=${c.id}`} className="doc-link" dir="auto">
                      {c.statement}
                    </Link>
                    <span className="similar-meta">
                      <VerdictBadge verdict={c.verdict as Verdict | null} />
                      <span className={`status-chip status-${c.status}`}>{ts(c.status as (typeof CLAIM_STATUSES)[number])}</span>
                      <span>{t('in', { title: c.document.title })}</span>
                      <RelativeTime date={c.updatedAt} />
                    </span>
                    <Snippet text={c.snippet} />
                  </li>
                ))}
              </ol>
            )}
          </section>
          {results.documents.length > 0 && (
            <section aria-labelledby="document-results">
              <h2 id="document-results">{t('documents', { count: results.documents.length })}</h2>
              <ol className="result-list">
                {results.documents.map((d) => (
                  <li key={d.id}>
                    <Link href={`/documents/${d.id}`} className="doc-link" dir="auto">
                      {d.title}
                    </Link>{' '}
                    <StatusBadge status={d.status as DocumentStatus} /> <span className="lang-tag">{d.language}</span>
                    <Snippet text={d.snippet} />
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
