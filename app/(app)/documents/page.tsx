import type { Metadata } from 'next';
import Link from 'next/link';
import { NewDocumentForm } from '@/components/documents/new-document-form';
import { getMembersByWorkspaceId } from '@/db/queries/users';
import { DOCUMENT_STATUSES } from '@/db/enums';
import { ArchiveButton } from '@/components/documents/archive-button';
import { STATUS_LABELS } from '@/components/ui/status-badge';
import { LIST_SORTS, listDocuments, listQuerySchema, type ListQuery } from '@/lib/documents/list';
import { LANGUAGES } from '@/lib/languages';
import { requireSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { StatusBadge } from '@/components/ui/status-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { InvitationList } from '@/components/members/invitation-list';
import { myInvitations } from '@/lib/members/invitations';

export const metadata: Metadata = { title: 'Documents' };
export const dynamic = 'force-dynamic';

const SORT_LABELS: Record<(typeof LIST_SORTS)[number], string> = { updated: 'Last edited', created: 'Created', title: 'Title', status: 'Status', relevance: 'Best match' };

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
  const list = listDocuments(user.id, query);
  const { documents, workspaces: memberships } = list;
  const filtered = Object.keys(raw).some((k) => k !== 'page' && k !== 'sort' && k !== 'dir');
  const members = memberships.length ? getMembersByWorkspaceId(memberships[0]!.workspaceId) : [];
  const archiving = new Set(memberships.filter((m) => can(m.role, 'document:archive')).map((m) => m.workspaceId));
  const creatable = memberships.filter((m) => can(m.role, 'document:create'));
  const workspaceName = new Map(memberships.map((m) => [m.workspaceId, m.workspaceName]));
  const invitations = myInvitations(user);
  return (
    <div className="page">
      <InvitationList invitations={invitations.map((i) => ({ id: i.id, workspaceName: i.workspaceName, role: i.role, invitedByName: i.invitedByName }))} />
      <div className="page-head">
        <div>
          <h1>Documents</h1>
          <p className="muted">
            {memberships.length === 1
              ? `${memberships[0]!.workspaceName} · you are ${/^[ae]/.test(memberships[0]!.role) ? 'an' : 'a'} ${memberships[0]!.role}`
              : memberships.length
                ? `${memberships.length} workspaces`
                : 'You are not a member of any workspace yet.'}
          </p>
        </div>
        {creatable.length > 0 && <NewDocumentForm workspaces={creatable.map((m) => ({ id: m.workspaceId, name: m.workspaceName }))} />}
      </div>
      {memberships.length > 0 && (
        <form className="list-filters" role="search" aria-label="Find documents" method="get" action="/documents">
          <label className="field grow">
            <span>Search titles and text</span>
            <input type="search" name="q" defaultValue={query.q ?? ''} placeholder="e.g. Tomahawk Polen" />
          </label>
          <label className="field">
            <span>Status</span>
            <select name="status" defaultValue={query.status ?? ''}>
              <option value="">Any</option>
              {DOCUMENT_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {STATUS_LABELS[st]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Language</span>
            <select name="language" defaultValue={query.language ?? ''}>
              <option value="">Any</option>
              {LANGUAGES.map((l) => (
                <option key={l.tag} value={l.tag}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Claims assigned to</span>
            <select name="assignee" defaultValue={query.assignee ?? ''}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              {members
                .filter((m) => m.id !== user.id)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span>Edited from</span>
            <input type="date" name="from" defaultValue={query.from ?? ''} />
          </label>
          <label className="field">
            <span>Edited until</span>
            <input type="date" name="to" defaultValue={query.to ?? ''} />
          </label>
          <label className="field">
            <span>Sort by</span>
            <select name="sort" defaultValue={query.sort ?? ''}>
              <option value="">{query.q ? 'Best match' : 'Last edited'}</option>
              {LIST_SORTS.filter((k) => k !== 'relevance').map((k) => (
                <option key={k} value={k}>
                  {SORT_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" name="open" value="1" defaultChecked={query.open === '1'} /> With open claims
          </label>
          <label className="check">
            <input type="checkbox" name="archived" value="1" defaultChecked={query.archived === '1'} /> Archived
          </label>
          <span className="actions">
            <button type="submit" className="button primary small">
              Search
            </button>
            {filtered && (
              <Link href="/documents" className="button ghost small">
                Clear
              </Link>
            )}
          </span>
        </form>
      )}
      {!parsed.success && (
        <p className="form-error" role="alert">
          Some filters were not understood and were left out.
        </p>
      )}
      {filtered && (
        <p className="muted" role="status">
          {list.total === 0 ? 'No documents match.' : `${list.total.toLocaleString('en')} ${list.total === 1 ? 'document matches' : 'documents match'}.`}
        </p>
      )}
      {documents.length === 0 && filtered ? null : documents.length === 0 ? (
        <div className="empty-state">
          <h2>No documents yet</h2>
          <p>
            {creatable.length
              ? 'Paste an article or upload a .txt, .md or .html file with “New document” to start checking it.'
              : 'When an editor adds an article to your workspace, it appears here.'}
          </p>
        </div>
      ) : (
        <table className="doc-table">
          <caption className="sr-only">Documents you can open</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col" className="optional">
                Language
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="optional" title="Claims approved or dismissed, of all claims">
                Claims done
              </th>
              <th scope="col" className="optional">
                Last edited
              </th>
              {memberships.length > 1 && <th scope="col">Workspace</th>}
              {archiving.size > 0 && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
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
                    <span className="muted">No claims yet</span>
                  ) : (
                    <span className="progress" title={`${d.claimsDone} of ${d.claims} claims approved or dismissed`}>
                      <meter min={0} max={d.claims} value={d.claimsDone} aria-label={`${d.claimsDone} of ${d.claims} claims approved or dismissed`} />{' '}
                      {d.claimsDone} / {d.claims}
                    </span>
                  )}
                </td>
                <td className="optional">
                  <RelativeTime date={d.updatedAt.toISOString()} />
                  {d.updatedByName ? <span className="muted"> by {d.updatedByName}</span> : null}
                </td>
                {memberships.length > 1 && <td>{workspaceName.get(d.workspaceId)}</td>}
                {archiving.size > 0 && <td>{archiving.has(d.workspaceId) && <ArchiveButton documentId={d.id} title={d.title} archived={d.archivedAt !== null} />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pages > 1 && (
        <nav className="pagination" aria-label="Pages">
          {query.page > 1 ? <Link href={listHref(query, { page: query.page - 1 })}>← Previous</Link> : <span />}
          <span>
            Page {query.page} of {list.pages.toLocaleString('en')}
          </span>
          {query.page < list.pages ? <Link href={listHref(query, { page: query.page + 1 })}>Next →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
