/** Every export format rendered from one report, in the thread that calls it (the export worker). */
import { toClaimReview } from './claimreview';
import { jsonLd } from './json-ld';
import { toCsv } from './csv';
import { toDocx } from './docx';
import { toJsonExport } from './json';
import { toMarkdown } from './markdown';
import { toPdf } from './pdf';
import type { Report } from './report';
import { toW3c } from './w3c';

export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'csv', 'w3c', 'claimreview', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { jsonLd };

/** The body of one format for a report. */
export async function render(report: Report, format: ExportFormat): Promise<string | Buffer> {
  switch (format) {
    case 'pdf':
      return toPdf(report);
    case 'docx':
      return toDocx(report);
    case 'md':
      return toMarkdown(report);
    case 'csv':
      return toCsv(report);
    case 'w3c':
      return jsonLd(toW3c(report));
    case 'claimreview':
      return jsonLd(toClaimReview(report));
    case 'json':
      return JSON.stringify(await toJsonExport(report), null, 2);
  }
}
