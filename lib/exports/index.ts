/** The export formats, their content types and file names, made from one report. */
import { asUserExport, runExport } from './pool';
import { EXPORT_FORMATS, render, type ExportFormat } from './render';

export { EXPORT_FORMATS, render, type ExportFormat };

/** How each format is served and what its download is called. */
export const EXPORT_SPECS: Record<ExportFormat, { label: string; contentType: string; suffix: string }> = {
  pdf: { label: 'PDF', contentType: 'application/pdf', suffix: '.pdf' },
  docx: { label: 'Word (claims as comments)', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', suffix: '.docx' },
  md: { label: 'Markdown', contentType: 'text/markdown; charset=utf-8', suffix: '.md' },
  csv: { label: 'CSV (spreadsheet)', contentType: 'text/csv; charset=utf-8; header=present', suffix: '.csv' },
  w3c: { label: 'W3C Web Annotation', contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', suffix: '-annotations.jsonld' },
  claimreview: { label: 'schema.org ClaimReview', contentType: 'application/ld+json; charset=utf-8', suffix: '-claimreview.jsonld' },
  json: { label: 'Factdesk JSON (re-importable)', contentType: 'application/json; charset=utf-8', suffix: '.factdesk.json' },
};

/** The public address reports link to: FACTDESK_PUBLIC_URL, else NEXTAUTH_URL, else the request's origin. */
export function publicBaseUrl(requestUrl?: string): string {
  const configured = process.env.FACTDESK_PUBLIC_URL || process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, '');
  return requestUrl ? new URL(requestUrl).origin : 'http://localhost:3000';
}

/** An ASCII file name from a title ("NATO und Russland: Streit" → "nato-und-russland-streit"). */
export function fileNameBase(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return ascii || 'factdesk-report';
}

/** Content-Disposition with an ASCII name and the exact title as UTF-8 (RFC 6266 / 5987). */
export function contentDisposition(title: string, suffix: string): string {
  const ascii = `${fileNameBase(title)}${suffix}`;
  const utf8 = encodeURIComponent(`${title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim()}${suffix}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * Exports a document's current revision in one format, as one of the user's exports (at
 * most two at once): gathered and rendered in a worker thread, so that a long PDF never
 * stalls the editors on this process.
 */
export async function exportDocument(document: { id: string; title: string }, format: ExportFormat, baseUrl: string, userId: string, timeZone?: string) {
  const body = await asUserExport(userId, () => runExport({ documentId: document.id, format, publicBaseUrl: baseUrl, timeZone }));
  const spec = EXPORT_SPECS[format];
  return { body, contentType: spec.contentType, disposition: contentDisposition(document.title, spec.suffix) };
}
