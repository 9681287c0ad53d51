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

/**
 * JSON-LD that is safe where publishers paste it, inside `<script type="application/ld+json">`:
 * `<`, `>`, `&` and the line separators U+2028/U+2029 are written as \u escapes (the same JSON).
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
      return JSON.stringify(toJsonExport(report), null, 2);
  }
}
