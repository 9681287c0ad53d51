/**
 * schema.org ClaimReview JSON-LD, one per claim that has a verdict: the properties Google
 * requires (claimReviewed, reviewRating with alternateName, url) and recommends (author =
 * the desk's organisation, itemReviewed = a Claim by the claimant, datePublished,
 * appearance = the article). Verdicts without a number on the scale carry only the text.
 */
import type { Report, ReportClaim } from './report';

/** Google: aim for under 75 characters. Cut at a word boundary and add an ellipsis. */
export const CLAIM_REVIEWED_MAX = 75;

export function shortenClaim(statement: string, max = CLAIM_REVIEWED_MAX): string {
  const s = statement.replace(/\s+/g, ' ').trim();
  if ([...s].length <= max) return s;
  const cut = [...s].slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= max / 2 ? atWord : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function claimReview(r: Report, c: ReportClaim) {
  const datePublished = (r.signoff?.at ?? c.approvedAt ?? c.updatedAt).slice(0, 10);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${r.reportUrl}#claim-${c.number}`,
    claimReviewed: shortenClaim(c.statement),
    datePublished,
    inLanguage: r.document.language,
    // schema.org's lifecycle term for the work: drafts say so in every ClaimReview.
    creativeWorkStatus: r.draft ? 'Draft — not signed off' : 'Published',
    author: { '@type': 'Organization', name: r.workspace.organisation, url: r.publicBaseUrl },
    reviewRating: {
      '@type': 'Rating',
      alternateName: c.verdictLabel,
      ...(c.rating !== null ? { ratingValue: c.rating, bestRating: r.ratingBounds.best, worstRating: r.ratingBounds.worst } : {}),
      ...(c.rationale ? { ratingExplanation: c.rationale } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(c.claimant ? { author: { '@type': 'Person', name: c.claimant } } : {}),
      ...(c.claimDate ? { datePublished: c.claimDate } : {}),
      ...(r.document.sourceUrl
        ? {
            appearance: {
              '@type': 'CreativeWork',
              url: r.document.sourceUrl,
              headline: r.document.title,
              ...(r.document.byline ? { author: { '@type': 'Person', name: r.document.byline.replace(/^(by|von|por|de)\s+/i, '') } } : {}),
              ...(r.document.publishedAt ? { datePublished: r.document.publishedAt } : {}),
            },
          }
        : {}),
      text: c.quote.exact,
    },
  };
}

/** A JSON-LD array of ClaimReviews (claims without a verdict are left out). */
export function toClaimReview(r: Report) {
  return r.claims.filter((c) => c.verdict !== null).map((c) => claimReview(r, c));
}
