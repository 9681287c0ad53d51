import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/report/print-button';
import { getDocumentForMember } from '@/db/queries/documents';
import { getSessionUser, requireSessionUser } from '@/lib/auth/session';
import { EXPORT_FORMATS, EXPORT_SPECS, fileNameBase, publicBaseUrl } from '@/lib/exports';
import { ReportView } from '@/components/report/report-view';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { buildReport, publishedReportUrl } from '@/lib/exports/report';
import { wording } from '@/lib/exports/text';
import { PublishControls } from '@/components/report/publish-controls';
import { getPublicationByDocumentId } from '@/db/queries/publications';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** The format's name on its button. */
function shortName(f: (typeof EXPORT_FORMATS)[number]): string {
  return f === 'w3c' ? 'W3C' : f === 'claimreview' ? 'ClaimReview' : f.toUpperCase();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await getSessionUser();
  const document = user ? await getDocumentForMember(id, user.id) : undefined;
  const t = await getTranslations('reportPage');
  return { title: document ? t('title', { title: document.title }) : t('untitled') };
}

/** The fact-check report of a document's current revision: readable on screen, printable on A4. */
export default async function ReportPage({ params }: Props) {
  const { id } = await params;
  const user = await requireSessionUser(`/documents/${id}/report`);
  const document = await getDocumentForMember(id, user.id);
  if (!document) notFound();
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
  const r = await buildReport(document.id, { publicBaseUrl: publicBaseUrl(origin), timeZone: await getTimeZone() });
  const w = wording(r);
  const t = await getTranslations('reportPage');
  const base = fileNameBase(r.document.title);
  const publication = await getPublicationByDocumentId(document.id);

  // Printed on A4 with page numbers; a draft carries its mark in the top margin of every page.
  const pageCss = [
    `@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: ${w.t('reportPage.pageOf', { page: '\u0001', pages: '\u0002' }).split(/([\u0001\u0002])/).map((p) => (p === '\u0001' ? 'counter(page)' : p === '\u0002' ? 'counter(pages)' : JSON.stringify(p))).join(' ')}; font: 9pt sans-serif; font-variant-ligatures: none; color: #5f6775; } }`,
    r.draft ? `@page { @top-center { content: "${w.draftMark}"; font: bold 9pt sans-serif; font-variant-ligatures: none; font-feature-settings: "liga" 0; color: #b3261e; } }` : '',
  ].join('\n');

  return (
    <div className="report-page">
      <style>{pageCss}</style>
      {r.draft && (
        <div className="draft-mark" role="note">
          {w.draftMark}
        </div>
      )}
      <nav className="report-tools" aria-label={t('tools')}>
        <Link href={`/documents/${r.document.id}`}>{t('back')}</Link>
        <span className="spacer" />
        <span className="muted">{t('download')}</span>
        {EXPORT_FORMATS.map((f) => (
          <a
            key={f}
            className="button ghost small"
            href={`/api/documents/${r.document.id}/export?format=${f}`}
            download={`${base}${EXPORT_SPECS[f].suffix}`}
            aria-label={EXPORT_SPECS[f].label === shortName(f) ? t('downloadLabel', { label: EXPORT_SPECS[f].label }) : t('downloadNamed', { name: shortName(f), label: EXPORT_SPECS[f].label })}
          >
            {shortName(f)}
          </a>
        ))}
        <PrintButton />
      </nav>
      {can(document.role, 'document:publish') && (
        <PublishControls
          documentId={document.id}
          signedOff={document.status === 'signed_off'}
          revision={document.revision}
          published={publication ? { url: publishedReportUrl(publicBaseUrl(origin), publication.slug)!, revision: publication.revision } : null}
        />
      )}

      <ReportView report={r} />
    </div>
  );
}
