import type { Metadata } from 'next';
import Link from 'next/link';
import { NewDocumentForm } from '@/components/documents/new-document-form';
import { getDocumentSummariesByWorkspaceIds } from '@/db/queries/documents';
import { getMembershipsByUserId } from '@/db/queries/users';
import { requireSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { StatusBadge } from '@/components/ui/status-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { InvitationList } from '@/components/members/invitation-list';
import { myInvitations } from '@/lib/members/invitations';

export const metadata: Metadata = { title: 'Documents' };
export const dynamic = 'force-dynamic';

export default async function DocumentsPage() {
  const user = await requireSessionUser('/documents');
  const memberships = getMembershipsByUserId(user.id);
  const documents = getDocumentSummariesByWorkspaceIds(memberships.map((m) => m.workspaceId));
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
              ? `${memberships[0]!.workspaceName} · you are ${memberships[0]!.role === 'admin' ? 'an' : 'a'} ${memberships[0]!.role}`
              : memberships.length
                ? `${memberships.length} workspaces`
                : 'You are not a member of any workspace yet.'}
          </p>
        </div>
        {creatable.length > 0 && <NewDocumentForm workspaces={creatable.map((m) => ({ id: m.workspaceId, name: m.workspaceName }))} />}
      </div>
      {documents.length === 0 ? (
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
              <th scope="col">Language</th>
              <th scope="col">Status</th>
              <th scope="col" title="Claims approved or dismissed, of all claims">Claims done</th>
              <th scope="col">Last edited</th>
              {memberships.length > 1 && <th scope="col">Workspace</th>}
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
                <td>
                  <span className="lang-tag">{d.language}</span>
                </td>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td>
                  {d.claims === 0 ? (
                    <span className="muted">No claims yet</span>
                  ) : (
                    <span className="progress" title={`${d.claimsDone} of ${d.claims} claims approved or dismissed`}>
                      <meter min={0} max={d.claims} value={d.claimsDone} aria-label={`${d.claimsDone} of ${d.claims} claims approved or dismissed`} />{' '}
                      {d.claimsDone} / {d.claims}
                    </span>
                  )}
                </td>
                <td>
                  <RelativeTime date={d.updatedAt.toISOString()} />
                  {d.updatedByName ? <span className="muted"> by {d.updatedByName}</span> : null}
                </td>
                {memberships.length > 1 && <td>{workspaceName.get(d.workspaceId)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
