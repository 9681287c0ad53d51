/** Check-worthiness hints: features people can read, sentences with exact positions, hints that leave claimed and dismissed sentences out. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH } from '@/db/seed';
import { featuresOf } from '@/lib/checkworthy/features';
import { rocAuc, scoreSentence, train, type Weights } from '@/lib/checkworthy/model';
import { checkworthySentences, sentenceKey, sentencesOf } from '@/lib/checkworthy/sentences';
import weightsJson from '@/lib/checkworthy/weights.json';
import { textToDoc } from '@/lib/editor/import';

const weights = weightsJson as unknown as Weights;

describe('features', () => {
  it('finds numbers, percentages, dates, comparisons, names and attribution in German, English and Spanish', () => {
    expect(featuresOf('Die Arbeitslosenquote stieg im Januar auf 6,1 Prozent, sagte Ministerin Bas.', 'de')).toMatchObject({ number: expect.any(Number), percentage: 1, date: 1, comparison: 1, attribution: 1 });
    expect(featuresOf('Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years.', 'en')).toMatchObject({ percentage: 1, date: 1, comparison: 1 });
    expect(featuresOf('Según el INE, el paro bajó al 11 por ciento.', 'es')).toMatchObject({ percentage: 1, attribution: 1 });
    expect(featuresOf('Ich glaube, wir sollten reden?', 'de')).toMatchObject({ opinion: 1, exhortation: 1, question: 1, number: 0 });
  });
  it('counts names inside a German sentence without taking every noun for one', () => {
    expect(featuresOf('Die Katze schläft auf dem Sofa im Wohnzimmer.', 'de').named_entity).toBe(0);
    expect(featuresOf('Der Vorschlag kam von Jens Stoltenberg und der NATO.', 'de').named_entity).toBeGreaterThan(0);
  });
});

describe('the model', () => {
  it('ranks a factual claim with a number above an opinion, and says why', () => {
    const claim = scoreSentence('Deutschland hat 2024 Waffen im Wert von 7,1 Milliarden Euro an die Ukraine geliefert.', 'de', weights);
    const opinion = scoreSentence('Ich finde, das sollte man offen sagen dürfen.', 'de', weights);
    expect(claim.score).toBeGreaterThan(weights.threshold);
    expect(opinion.score).toBeLessThan(weights.threshold);
    expect(claim.reasons).toEqual(expect.arrayContaining(['number', 'money', 'date']));
  });
  it('learns from labelled sentences (training is deterministic)', () => {
    const samples = [
      ...Array.from({ length: 20 }, (_, i) => ({ text: `Taxes rose by ${i + 2} percent in 2019, the highest rate in a decade.`, label: 1 as const, lang: 'en' as const })),
      ...Array.from({ length: 20 }, (_, i) => ({ text: `I think we should talk about it ${'again '.repeat(i % 3)}later?`, label: 0 as const, lang: 'en' as const })),
    ];
    const a = train(samples, { epochs: 200 });
    expect(train(samples, { epochs: 200 })).toEqual(a);
    const scores = samples.map((s) => scoreSentence(s.text, 'en', a).score);
    expect(rocAuc(scores, samples.map((s) => s.label))).toBe(1);
  });
});

describe('sentences of an article', () => {
  const doc = textToDoc(fs.readFileSync(SAMPLE_PATH, 'utf8'));
  it('splits every paragraph into sentences whose positions hold exactly their text', () => {
    const sentences = sentencesOf(doc, 'de');
    expect(sentences.length).toBeGreaterThan(15);
    for (const s of sentences) expect(doc.textBetween(s.from, s.to)).toBe(s.text);
  });
  it("hints the sample article's MK-41 sentence with its reasons, and leaves out claimed and dismissed sentences", () => {
    const hints = checkworthySentences(doc, 'de', weights);
    const mk41 = hints.find((h) => h.text.includes('MK-41-Shuttles'))!;
    expect(mk41).toBeDefined();
    expect(mk41.reasons).toEqual(expect.arrayContaining(['named_entity']));
    expect(hints.every((h) => h.score >= weights.threshold)).toBe(true);
    const claimed = checkworthySentences(doc, 'de', weights, { claimed: [{ from: mk41.from + 5, to: mk41.from + 10 }] });
    expect(claimed.some((h) => h.from === mk41.from)).toBe(false);
    const dismissed = checkworthySentences(doc, 'de', weights, { dismissed: new Set([sentenceKey(mk41.text)]) });
    expect(dismissed.some((h) => h.from === mk41.from)).toBe(false);
    expect(dismissed).toHaveLength(hints.length - 1);
  });
});
