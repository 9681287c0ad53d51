import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocumentHeader } from '@/components/documents/document-header';
import { DocumentWorkspace } from '@/components/editor/document-workspace';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { getMembersByWorkspaceId, getWorkspaceSettings } from '@/db/queries/users';
import { serializeClaim } from '@/lib/claims/serialize';
import { currentDocument } from '@/lib/collab/authority';
import { getDocumentForMember } from '@/db/queries/documents';
import { getSessionUser, requireSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { getSignoffsByDocumentId } from '@/db/queries/signoffs';
import { getCommentCountsByDocumentId } from '@/db/queries/comments';
import { serializeSignoff } from '@/lib/workflow/commands';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { VerdictNamesProvider } from '@/components/claims/labels';
import { getVerdictLabels } from '@/db/queries/verdict-labels';
import { isLocale } from '@/lib/i18n/locales';
import { wording } from '@/lib/exports/text';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await getSessionUser();
  const document = user ? await getDocumentForMember(id, user.id) : undefined;
  return { title: document?.title ?? (await getTranslations('documentPage'))('untitled') };
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { claim: claimParam } = await searchParams;
  const user = await requireSessionUser(`/documents/${id}`);
  const document = await getDocumentForMember(id, user.id);
  if (!document) notFound();
  const locked = document.status === 'signed_off';
  const content = await currentDocument(document.id);
  const claims = (await getClaimsByDocumentId(document.id)).map(serializeClaim);
  const t = await getTranslations('documentPage');
  const locale = await getLocale();
  const ui = { locale: isLocale(locale) ? locale : 'en', timeZone: await getTimeZone() };
  const settings = await getWorkspaceSettings(document.workspaceId);
  const members = (await getMembersByWorkspaceId(document.workspaceId)).map((m) => ({ id: m.id, name: m.name, canWork: can(m.role, 'claim:update') }));
  return (
    <VerdictNamesProvider names={await getVerdictLabels(document.workspaceId, ui.locale)}>
    <div className="doc-page wide">
      <DocumentHeader
        id={document.id}
        title={document.title}
        language={document.language}
        status={document.status}
        sourceUrl={document.sourceUrl}
        articleLine={wording(ui).articleLine(document)}
        canRename={can(document.role, 'document:rename') && !locked}
        canDelete={can(document.role, 'document:delete')}
      />
      <DocumentWorkspace
        documentId={document.id}
        doc={content.doc}
        version={content.version}
        language={document.language}
        title={document.title}
        canEditText={can(document.role, 'document:edit') && !locked}
        canEditClaims={can(document.role, 'claim:update') && !locked}
        readOnlyReason={locked ? t('lockedNote') : t('readOnly')}
        initialClaims={claims}
        members={members}
        currentUserId={user.id}
        role={document.role}
        documentStatus={document.status}
        revision={document.revision}
        signoffs={(await getSignoffsByDocumentId(document.id)).map(serializeSignoff)}
        initialClaimId={typeof claimParam === 'string' ? claimParam : null}
        reviewersSuggestOnly={settings.reviewersSuggestOnly}
        suggestionsFourEyes={settings.suggestionsFourEyes}
        initialCommentCounts={Object.fromEntries((await getCommentCountsByDocumentId(document.id)).map((c) => [c.claimId, { total: c.count, open: c.openThreads }]))}
      />
    </div>
    </VerdictNamesProvider>
  );
}
