import { getClaimsByDocumentId } from '@/db/queries/claims';
import { getDismissedSentenceKeys } from '@/db/queries/checkworthy';
import { withDocument } from '@/lib/api/guards';
import type { Weights } from '@/lib/checkworthy/model';
import { checkworthySentences, sentenceKey } from '@/lib/checkworthy/sentences';
import weights from '@/lib/checkworthy/weights.json';
import { currentDocument } from '@/lib/collab/authority';
import { schema } from '@/lib/editor/schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/**
 * The sentences of the current revision likely to hold a check-worthy factual claim, strongest
 * first: `{version, sentences: [{from, to, text, key, score, reasons}], dismissed}`. Sentences a
 * claim already covers and hints dismissed for the document are left out. Hints are not claims:
 * they are in no export.
 */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, async ({ document }) => {
  const current = await currentDocument(document.id);
  const doc = schema.nodeFromJSON(current.doc);
  const version = current.version;
  const claimed = (await getClaimsByDocumentId(document.id)).filter((c) => !c.orphaned);
  const dismissed = await getDismissedSentenceKeys(document.id);
  const sentences = checkworthySentences(doc, document.language, weights as unknown as Weights, { claimed, dismissed: new Set(dismissed) });
  return {
    version,
    sentences: sentences.map((s) => ({ from: s.from, to: s.to, text: s.text, key: sentenceKey(s.text), score: Math.round(s.score * 1000) / 1000, reasons: s.reasons })),
    dismissed,
  };
});
