/**
 * Evaluation of the check-worthiness model (lib/checkworthy), never training and evaluating
 * on the same sentences: five-fold cross-validation on ClaimBuster's 500 English sentences
 * (stratified, seeded), with two baselines; then the model trained on all 500, on our own
 * German and Spanish sentences (bench/data/checkworthy-de-es.json); and the time to score a
 * long article.
 *
 *   npm run bench -- bench/checkworthy.ts [--seed 42]
 */
import { parseArgs } from 'node:util';
import { claimbusterSamples, ownGermanSpanishSamples, TRAINING } from '@/lib/checkworthy/data';
import { featuresOf } from '@/lib/checkworthy/features';
import { rocAuc, scoreSentence, train, type Sample, type Weights } from '@/lib/checkworthy/model';
import { checkworthySentences } from '@/lib/checkworthy/sentences';
import weightsJson from '@/lib/checkworthy/weights.json';
import { textToDoc } from '@/lib/editor/import';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '42' } } });

/** Scores against labels: ROC-AUC, accuracy, precision, recall and F1 of the check-worthy class, precision@10. */
function figures(scores: number[], labels: (0 | 1)[], threshold = 0.5) {
  const predicted = scores.map((s) => (s >= threshold ? 1 : 0));
  const tp = predicted.filter((p, i) => p === 1 && labels[i] === 1).length;
  const fp = predicted.filter((p, i) => p === 1 && labels[i] === 0).length;
  const fn = predicted.filter((p, i) => p === 0 && labels[i] === 1).length;
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const top10 = scores
    .map((s, i) => [s, labels[i]!] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 10);
  return {
    auc: rocAuc(scores, labels),
    accuracy: predicted.filter((p, i) => p === labels[i]).length / labels.length,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    p10: top10.filter(([, l]) => l === 1).length / 10,
  };
}
const fmt = (f: ReturnType<typeof figures>, ranked = true) =>
  `ROC-AUC ${f.auc.toFixed(3)} · accuracy ${f.accuracy.toFixed(3)} · F1 ${f.f1.toFixed(3)} (precision ${f.precision.toFixed(2)}, recall ${f.recall.toFixed(2)}) · P@10 ${ranked ? f.p10.toFixed(1) : '— (ties)'}`;

/** Stratified folds of a seeded shuffle. */
function folds(samples: Sample[], k: number, seed: number): number[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const fold = new Array<number>(samples.length);
  for (const label of [0, 1]) {
    const idx = samples.map((s, i) => (s.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((i, n) => (fold[i] = n % k));
  }
  return fold;
}

function crossValidate(samples: Sample[], seed: number, settings: Parameters<typeof train>[1]) {
  const fold = folds(samples, 5, seed);
  const scores = new Array<number>(samples.length);
  for (let f = 0; f < 5; f++) {
    const weights = train(samples.filter((_, i) => fold[i] !== f), settings);
    samples.forEach((s, i) => {
      if (fold[i] === f) scores[i] = scoreSentence(s.text, s.lang, weights).score;
    });
  }
  return figures(scores, samples.map((s) => s.label));
}

const english = claimbusterSamples();
const seed = Number(values.seed);
console.log(`ClaimBuster, 500 English sentences (${english.filter((s) => s.label === 1).length} check-worthy), 5-fold cross-validation, seed ${seed}:`);
console.log(`  model (features + words, ${JSON.stringify(TRAINING)}):  ${fmt(crossValidate(english, seed, TRAINING))}`);
console.log(`  model, readable features only:                          ${fmt(crossValidate(english, seed, { ...TRAINING, minCount: 1e9 }))}`);
const labels = english.map((s) => s.label);
console.log(`  baseline "contains a number":                           ${fmt(figures(english.map((s) => featuresOf(s.text, 'en').number > 0 ? 1 : 0), labels), false)}`);
console.log(`  baseline "everything is check-worthy":                  ${fmt(figures(english.map(() => 1), labels), false)}`);

const weights = weightsJson as unknown as Weights;
for (const lang of ['de', 'es'] as const) {
  const own = ownGermanSpanishSamples().filter((s) => s.lang === lang);
  const scores = own.map((s) => scoreSentence(s.text, s.lang, weights).score);
  console.log(`Our ${lang === 'de' ? 'German' : 'Spanish'} sentences (${own.length}, ${own.filter((s) => s.label === 1).length} check-worthy), model of lib/checkworthy/weights.json: ${fmt(figures(scores, own.map((s) => s.label)))}`);
}

// Speed: every sentence of a 10,000-word article.
const paragraph = 'Die Arbeitslosenquote stieg im Januar auf 6,1 Prozent, sagte die Ministerin am Dienstag in Berlin. Wir sollten darüber reden. ';
const doc = textToDoc(Array.from({ length: 400 }, () => paragraph.repeat(2)).join('\n'));
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  checkworthySentences(doc, 'de', weights);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`Scoring every sentence of a ${doc.textContent.split(/\s+/).length}-word article: p50 ${times[10]!.toFixed(1)} ms, p95 ${times[19]!.toFixed(1)} ms`);
