import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ReportView } from '@/components/report/report-view';
import { getPublicationBySlug } from '@/db/queries/publications';
import { toClaimReview } from '@/lib/exports/claimreview';
import { jsonLd } from '@/lib/exports/json-ld';
import type { Report } from '@/lib/exports/report';
import { wording } from '@/lib/exports/text';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** The published report at a slug, or null (an unpublished or never-published address). */
async function publishedReport(slug: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(slug)) return null;
  const row = await getPublicationBySlug(slug);
  return row ? { report: row.report as Report, publishedAt: row.publishedAt } : null;
}

/** One line saying what the check found, for link previews. */
function summaryLine(r: Report): string {
  const verdicts = r.summary.perVerdict.filter((v) => v.count > 0 && v.verdict !== null).map((v) => `${v.count} × ${v.label}`);
  return wording(r).t('report.ogSummary', { organisation: r.workspace.organisation, claims: r.summary.claims, verdicts: verdicts.length ? `: ${verdicts.join(', ')}` : '' });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const published = await publishedReport((await params).slug);
  if (!published) return { title: 'Not found' };
  const r = published.report;
  const title = wording(r).t('report.ogTitle', { title: r.document.title });
  const description = summaryLine(r);
  return {
    title,
    description,
    robots: { index: true, follow: true },
    alternates: { canonical: r.reportUrl },
    openGraph: { type: 'article', locale: wording(r).locale, title, description, url: r.reportUrl, siteName: r.workspace.organisation, publishedTime: published.publishedAt.toISOString() },
    twitter: { card: 'summary', title, description },
  };
}

/**
 * A published fact-check report: public and read-only (no sign-in), as it was when an
 * editor published it, with its schema.org ClaimReview for search engines.
 */
export default async function PublishedReportPage({ params }: Props) {
  const published = await publishedReport((await params).slug);
  if (!published) notFound();
  const r = published.report;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <main className="report-page published-report" lang={wording(r).locale}>
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd(toClaimReview(r)) }} />
      <ReportView report={r} />
      <footer className="published-footer muted small">
        {wording(r).t('report.publishedFooter', { organisation: r.workspace.organisation, date: wording(r).formatDate(published.publishedAt.toISOString(), true), revision: r.document.revision })}
      </footer>
    </main>
  );
}
