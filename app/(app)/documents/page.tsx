import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NewDocumentForm } from '@/components/documents/new-document-form';
import { DateField, SelectField } from '@/components/ui/fields';
import { getMembersByWorkspaceId } from '@/db/queries/users';
import { DOCUMENT_STATUSES } from '@/db/enums';
import { ArchiveButton } from '@/components/documents/archive-button';
import { LIST_SORTS, listDocuments, listQuerySchema, type ListQuery } from '@/lib/documents/list';
import { LANGUAGES, languageNameIn } from '@/lib/languages';
import { requireSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { StatusBadge } from '@/components/ui/status-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { InvitationList } from '@/components/members/invitation-list';
import { myInvitations } from '@/lib/members/invitations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('documents');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

/** The list's address with some parameters changed (page links, clearing). */
function listHref(query: ListQuery, change: Partial<Record<keyof ListQuery, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  const s = params.toString();
  return s ? `/documents?${s}` : '/documents';
}

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser('/documents');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = listQuerySchema.safeParse(raw);
  const query: ListQuery = parsed.success ? parsed.data : listQuerySchema.parse({});
  const list = await listDocuments(user.id, query);
  const { documents, workspaces: memberships } = list;
  const filtered = Object.keys(raw).some((k) => k !== 'page' && k !== 'sort' && k !== 'dir');
  const members = memberships.length ? await getMembersByWorkspaceId(memberships[0]!.workspaceId) : [];
  const archiving = new Set(memberships.filter((m) => can(m.role, 'document:archive')).map((m) => m.workspaceId));
  const creatable = memberships.filter((m) => can(m.role, 'document:create'));
  const workspaceName = new Map(memberships.map((m) => [m.workspaceId, m.workspaceName]));
  const invitations = await myInvitations(user);
  const t = await getTranslations('documents');
  const ts = await getTranslations('documentStatus');
  const locale = await getLocale();
  return (
    <div className="page">
      <InvitationList invitations={invitations.map((i) => ({ id: i.id, workspaceName: i.workspaceName, role: i.role, invitedByName: i.invitedByName }))} />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {memberships.length === 1
              ? t('youAre', { workspace: memberships[0]!.workspaceName, role: memberships[0]!.role })
              : memberships.length
                ? t('workspaces', { count: memberships.length })
                : t('noWorkspace')}
          </p>
        </div>
        {creatable.length > 0 && <NewDocumentForm workspaces={creatable.map((m) => ({ id: m.workspaceId, name: m.workspaceName }))} />}
      </div>
      {memberships.length > 0 && (
        <form className="list-filters" role="search" aria-label={t('find')} method="get" action="/documents">
          <label className="field grow">
            <span>{t('search')}</span>
            <input type="search" name="q" defaultValue={query.q ?? ''} placeholder={t('searchPlaceholder')} />
          </label>
          <SelectField label={t('status')} name="status" value={query.status} any={t('any')} options={DOCUMENT_STATUSES.map((st) => ({ value: st, label: ts(st) }))} />
          <SelectField label={t('language')} name="language" value={query.language} any={t('any')} options={LANGUAGES.map((l) => ({ value: l.tag, label: languageNameIn(l.tag, locale) }))} />
          <label className="field">
            <span>{t('assignedTo')}</span>
            <select name="assignee" defaultValue={query.assignee ?? ''}>
              <option value="">{t('anyone')}</option>
              <option value="me">{t('me')}</option>
              {members
                .filter((m) => m.id !== user.id)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
          <DateField label={t('editedFrom')} name="from" value={query.from} />
          <DateField label={t('editedUntil')} name="to" value={query.to} />
          <label className="field">
            <span>{t('sortBy')}</span>
            <select name="sort" defaultValue={query.sort ?? ''}>
              <option value="">{query.q ? t('sort.relevance') : t('sort.updated')}</option>
              {LIST_SORTS.filter((k) => k !== 'relevance').map((k) => (
                <option key={k} value={k}>
                  {t(`sort.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" name="open" value="1" defaultChecked={query.open === '1'} /> {t('withOpenClaims')}
          </label>
          <label className="check">
            <input type="checkbox" name="archived" value="1" defaultChecked={query.archived === '1'} /> {t('archived')}
          </label>
          <span className="actions">
            <button type="submit" className="button primary small">
              {t('searchButton')}
            </button>
            {filtered && (
              <Link href="/documents" className="button ghost small">
                {t('clear')}
              </Link>
            )}
          </span>
        </form>
      )}
      {!parsed.success && (
        <p className="form-error" role="alert">
          {t('badFilters')}
        </p>
      )}
      {filtered && (
        <p className="muted" role="status">
          {t('matches', { count: list.total })}
        </p>
      )}
      {documents.length === 0 && filtered ? null : documents.length === 0 ? (
        <div className="empty-state">
          <h2>{t('emptyTitle')}</h2>
          <p>
            {creatable.length
              ? t('emptyCreate')
              : t('emptyWait')}
          </p>
        </div>
      ) : (
        <table className="doc-table">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col" className="optional">
                {t('colLanguage')}
              </th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col" className="optional" title={t('colClaimsHint')}>
                {t('colClaims')}
              </th>
              <th scope="col" className="optional">
                {t('colEdited')}
              </th>
              {memberships.length > 1 && <th scope="col">{t('colWorkspace')}</th>}
              {archiving.size > 0 && (
                <th scope="col">
                  <span className="sr-only">{t('colActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/documents/${d.id}`} className="doc-link">
                    {d.title}
                  </Link>
                </td>
                <td className="optional">
                  <span className="lang-tag">{d.language}</span>
                </td>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td className="optional">
                  {d.claims === 0 ? (
                    <span className="muted">{t('noClaims')}</span>
                  ) : (
                    <span className="progress" title={t('claimsDone', { done: d.claimsDone, total: d.claims })}>
                      <meter min={0} max={d.claims} value={d.claimsDone} aria-label={t('claimsDone', { done: d.claimsDone, total: d.claims })} />{' '}
                      {d.claimsDone} / {d.claims}
                    </span>
                  )}
                </td>
                <td className="optional">
                  <RelativeTime date={d.updatedAt.toISOString()} />
                  {d.updatedByName ? <span className="muted"> {t('by', { name: d.updatedByName })}</span> : null}
                </td>
                {memberships.length > 1 && <td>{workspaceName.get(d.workspaceId)}</td>}
                {archiving.size > 0 && <td>{archiving.has(d.workspaceId) && <ArchiveButton documentId={d.id} title={d.title} archived={d.archivedAt !== null} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pages > 1 && (
        <nav className="pagination" aria-label={t('pages')}>
          {query.page > 1 ? <Link href={listHref(query, { page: query.page - 1 })}>{t('previous')}</Link> : <span />}
          <span>
            {t('page', { page: query.page, pages: list.pages })}
          </span>
          {query.page < list.pages ? <Link href={listHref(query, { page: query.page + 1 })}>{t('next')}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
