import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocumentHeader } from '@/components/documents/document-header';
import { DocumentEditor } from '@/components/editor/document-editor';
import { getDocumentForMember } from '@/db/queries/documents';
import { getSessionUser, requireSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await getSessionUser();
  const document = user ? getDocumentForMember(id, user.id) : undefined;
  return { title: document?.title ?? 'Document' };
}

export default async function DocumentPage({ params }: Props) {
  const { id } = await params;
  const user = await requireSessionUser(`/documents/${id}`);
  const document = getDocumentForMember(id, user.id);
  if (!document) notFound();
  const editable = can(document.role, 'document:edit') && document.status !== 'signed_off';
  return (
    <div className="doc-page">
      <DocumentHeader
        id={document.id}
        title={document.title}
        language={document.language}
        status={document.status}
        sourceUrl={document.sourceUrl}
        canRename={can(document.role, 'document:rename')}
        canDelete={can(document.role, 'document:delete')}
      />
      <DocumentEditor
        documentId={document.id}
        doc={document.doc}
        version={document.version}
        language={document.language}
        editable={editable}
        title={document.title}
      />
    </div>
  );
}
