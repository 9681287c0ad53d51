/**
 * The article's sentences with their document positions (Intl.Segmenter, the sentence rules
 * of each language), scored by the check-worthiness model. The same function runs on the
 * server (GET /api/documents/:id/checkworthy) and in the editor (the margin hints), so both
 * always agree. Pure.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sentenceLanguage } from '../i18n/detect';
import { checkworthyLanguage } from './features';
import { scoreSentence, type Weights } from './model';
import type { Feature } from './features';

export interface CheckworthySentence {
  from: number;
  to: number;
  text: string;
  score: number;
  reasons: Feature[];
}

/** A short, stable key for a sentence's text (dismissals are kept by it, so they survive edits elsewhere). */
export function sentenceKey(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(36)}${h2.toString(36)}`;
}

/** Every sentence of every text block, with positions. */
export function sentencesOf(doc: PMNode, language: string): { from: number; to: number; text: string }[] {
  const segmenter = new Intl.Segmenter(language || 'en', { granularity: 'sentence' });
  const out: { from: number; to: number; text: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Character offsets of the block's text → document positions (inline leaves take a position, no character).
    let text = '';
    const positions: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        for (let i = 0; i < child.text!.length; i++) positions.push(pos + 1 + offset + i);
        text += child.text;
      } else {
        // A line break or an inline image ends a sentence.
        positions.push(pos + 1 + offset);
        text += '\n';
      }
    });
    positions.push(pos + node.nodeSize - 1);
    for (const { segment, index } of segmenter.segment(text)) {
      const lead = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (trimmed.length < 12) continue;
      const start = index + lead;
      const end = start + trimmed.length;
      out.push({ from: positions[start]!, to: positions[end - 1]! + 1, text: trimmed });
    }
    return false;
  });
  return out;
}

/**
 * The sentences likely to hold a check-worthy claim (score at or above the model's
 * threshold), strongest first, leaving out those already covered by a claim (`claimed`
 * ranges) and those dismissed for the document (`dismissed` sentence keys).
 */
export function checkworthySentences(
  doc: PMNode,
  language: string,
  weights: Weights,
  opts: { claimed?: { from: number; to: number }[]; dismissed?: Set<string> } = {},
): CheckworthySentence[] {
  const lang = checkworthyLanguage(language);
  const claimed = opts.claimed ?? [];
  return sentencesOf(doc, language)
    .filter((s) => !claimed.some((c) => c.from < s.to && c.to > s.from) && !opts.dismissed?.has(sentenceKey(s.text)))
    // Each sentence in its own language: a quoted tweet in Spanish inside a German article is read as Spanish.
    .map((s) => ({ ...s, ...scoreSentence(s.text, sentenceLanguage(s.text, lang), weights) }))
    .filter((s) => s.score >= weights.threshold)
    .sort((a, b) => b.score - a.score || a.from - b.from);
}
