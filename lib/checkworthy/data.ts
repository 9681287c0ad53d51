/** The labelled sentences the model is trained and evaluated on (for the training script and the benchmark). */
import fs from 'node:fs';
import path from 'node:path';
import type { CheckworthyLanguage } from './features';
import type { Sample } from './model';

/** The shared datasets folder (../shared beside the project, or FACTDESK_SHARED_DIR). */
function sharedDir() {
  return process.env.FACTDESK_SHARED_DIR || path.join(process.cwd(), '..', 'shared');
}

/** ClaimBuster's 500 English debate sentences (label 1: check-worthy factual sentence). GPL-3.0 / CC BY 4.0: see the dataset's SOURCE.txt. */
export function claimbusterSamples(): Sample[] {
  const file = path.join(sharedDir(), 'datasets/checkworthiness/claimbuster-en/claimbuster_two_class_test_sample500.json');
  const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as { label: 0 | 1; text: string }[];
  return rows.map((r) => ({ text: r.text, label: r.label, lang: 'en' }));
}

/** Our own German and Spanish sentences (bench/data/checkworthy-de-es.json): evaluation only. */
export function ownGermanSpanishSamples(): Sample[] {
  const file = path.join(process.cwd(), 'bench/data/checkworthy-de-es.json');
  const { sentences } = JSON.parse(fs.readFileSync(file, 'utf8')) as { sentences: { lang: CheckworthyLanguage; label: 0 | 1; text: string }[] };
  return sentences.map((s) => ({ text: s.text, label: s.label, lang: s.lang }));
}

/** The training settings (chosen once, see bench/README.md). */
export const TRAINING = { l2: 0.003, epochs: 800, rate: 0.5, minCount: 2 } as const;
