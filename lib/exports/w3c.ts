/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection whose first page holds one
 * Annotation per claim, motivated `assessing`. Each targets the article's source with a
 * TextQuoteSelector and a TextPositionSelector (offsets in Unicode code points of the
 * article's plain text, blocks separated by a newline), and carries bodies for the
 * verdict (purpose assessing), the rationale (describing), the statement as checked
 * (identifying) and each source (a Specific Resource with purpose linking).
 */
import type { Report, ReportClaim } from './report';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

function annotation(r: Report, c: ReportClaim) {
  const base = r.reportUrl;
  const body: Record<string, unknown>[] = [
    { type: 'TextualBody', purpose: 'assessing', value: c.verdictLabel, format: 'text/plain', language: r.locale ?? 'en' },
  ];
  if (c.rationale) body.push({ type: 'TextualBody', purpose: 'describing', value: c.rationale, format: 'text/plain', language: r.document.language });
  if (c.statement) body.push({ type: 'TextualBody', purpose: 'identifying', value: c.statement, format: 'text/plain', language: r.document.language });
  for (const s of c.sources) {
    // A purpose belongs on a Specific Resource, not on the web page itself (model 3.3.5).
    body.push({ type: 'SpecificResource', purpose: 'linking', source: { id: s.url, type: 'Text', format: 'text/html', ...(s.title ? { title: s.title } : {}) } });
  }
  const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: c.quote.exact, prefix: c.quote.prefix, suffix: c.quote.suffix }];
  if (c.position) selector.push({ type: 'TextPositionSelector', start: c.position.start, end: c.position.end });
  const creator = c.proposedBy ?? c.createdBy;
  return {
    '@context': CONTEXT,
    id: `${base}#claim-${c.number}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: c.createdAt,
    modified: c.updatedAt,
    ...(creator ? { creator: { id: `${r.publicBaseUrl}/members/${creator.id}`, type: 'Person', name: creator.name } } : {}),
    generator: { id: r.publicBaseUrl, type: 'Software', name: 'Factdesk' },
    body,
    target: {
      type: 'SpecificResource',
      source: r.document.sourceUrl ?? `${r.publicBaseUrl}/documents/${r.document.id}`,
      selector,
    },
  };
}

export function toW3c(r: Report) {
  const id = `${r.reportUrl}/annotations`;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `${r.document.title} — fact check${r.draft ? ' (Draft — not signed off)' : ''}`,
    total: r.claims.length,
    first: {
      id: `${id}?page=1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: r.claims.map((c) => annotation(r, c)),
    },
  };
}
