/**
 * The check-worthiness model: logistic regression over the readable features of
 * ./features.ts and the sentence's words. The weights are a JSON file in the repository
 * (lib/checkworthy/weights.json), written by scripts/train-checkworthy.ts from labelled
 * sentences; `train` is also what bench/checkworthy.ts cross-validates. Pure.
 */
import { FEATURES, featuresOf, words, type CheckworthyLanguage, type Feature } from './features';

export interface Weights {
  bias: number;
  features: Record<Feature, number>;
  /** Weights of single words (lower case); words not listed weigh nothing. */
  words: Record<string, number>;
  /** Scores at or above this are hinted as likely check-worthy. */
  threshold: number;
}

export interface Sample {
  text: string;
  label: 0 | 1;
  lang: CheckworthyLanguage;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface Encoded {
  features: number[];
  words: string[];
}
function encode(text: string, lang: CheckworthyLanguage): Encoded {
  const f = featuresOf(text, lang);
  return { features: FEATURES.map((k) => f[k]), words: [...new Set(words(text))] };
}

/** The probability that a sentence is check-worthy, and the features that speak for it (strongest first). */
export function scoreSentence(text: string, lang: CheckworthyLanguage, weights: Weights): { score: number; reasons: Feature[] } {
  const f = featuresOf(text, lang);
  let z = weights.bias;
  const contributions: [Feature, number][] = [];
  for (const k of FEATURES) {
    const c = (weights.features[k] ?? 0) * f[k];
    z += c;
    if (c > 0.1) contributions.push([k, c]);
  }
  for (const word of new Set(words(text))) z += weights.words[word] ?? 0;
  return { score: sigmoid(z), reasons: contributions.sort((a, b) => b[1] - a[1]).map(([k]) => k) };
}

/**
 * Fits the weights by gradient descent on the log loss with L2 regularisation. Words count
 * only when they occur in at least `minCount` training sentences (so nothing is learned
 * from one sentence), and weigh less than the readable features (`wordScale`).
 */
export function train(samples: Sample[], opts: { l2?: number; epochs?: number; rate?: number; minCount?: number } = {}): Weights {
  const { l2 = 0.01, epochs = 400, rate = 0.5, minCount = 3 } = opts;
  const encoded = samples.map((s) => encode(s.text, s.lang));
  const counts = new Map<string, number>();
  for (const e of encoded) for (const word of e.words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= minCount).map(([word]) => word);
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const featureWeights = new Array<number>(FEATURES.length).fill(0);
  const wordWeights = new Array<number>(vocabulary.length).fill(0);
  let bias = 0;
  const n = samples.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gf = new Array<number>(FEATURES.length).fill(0);
    const gw = new Array<number>(vocabulary.length).fill(0);
    let gb = 0;
    encoded.forEach((e, i) => {
      let z = bias;
      e.features.forEach((x, k) => (z += featureWeights[k]! * x));
      for (const word of e.words) {
        const j = index.get(word);
        if (j !== undefined) z += wordWeights[j]!;
      }
      const err = sigmoid(z) - samples[i]!.label;
      gb += err;
      e.features.forEach((x, k) => (gf[k]! += err * x));
      for (const word of e.words) {
        const j = index.get(word);
        if (j !== undefined) gw[j]! += err;
      }
    });
    bias -= (rate * gb) / n;
    featureWeights.forEach((wk, k) => (featureWeights[k] = wk - rate * (gf[k]! / n + l2 * wk)));
    // Words are many and each is rare: regularised harder than the readable features.
    wordWeights.forEach((wj, j) => (wordWeights[j] = wj - rate * (gw[j]! / n + 4 * l2 * wj)));
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    bias: round(bias),
    features: Object.fromEntries(FEATURES.map((k, i) => [k, round(featureWeights[i]!)])) as Record<Feature, number>,
    words: Object.fromEntries(vocabulary.map((word, j) => [word, round(wordWeights[j]!)]).filter(([, v]) => Math.abs(v as number) >= 0.01)),
    threshold: 0.5,
  };
}

/** Area under the ROC curve of scores against labels (ties count half). */
export function rocAuc(scores: number[], labels: (0 | 1)[]): number {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}
