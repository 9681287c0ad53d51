/** Every export format rendered from one report, in the thread that calls it (the export worker). */
import { toClaimReview } from './claimreview';
import { toCsv } from './csv';
import { toDocx } from './docx';
import { toJsonExport } from './json';
import { toMarkdown } from './markdown';
import { toPdf } from './pdf';
import type { Report } from './report';
import { toW3c } from './w3c';

export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'csv', 'w3c', 'claimreview', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
      return JSON.stringify(toW3c(report), null, 2);
    case 'claimreview':
      return JSON.stringify(toClaimReview(report), null, 2);
    case 'json':
      return JSON.stringify(toJsonExport(report), null, 2);
  }
}
