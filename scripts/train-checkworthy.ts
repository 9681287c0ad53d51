/**
 * Trains the check-worthiness model on ClaimBuster's 500 English sentences and writes
 * lib/checkworthy/weights.json. Run: npx tsx scripts/train-checkworthy.ts
 * (the German and Spanish sentences of bench/data are kept for evaluation only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { claimbusterSamples, TRAINING } from '../lib/checkworthy/data';
import { train } from '../lib/checkworthy/model';

const weights = train(claimbusterSamples(), TRAINING);
const out = path.join(process.cwd(), 'lib/checkworthy/weights.json');
fs.writeFileSync(out, `${JSON.stringify({ ...weights, trainedOn: 'ClaimBuster two-class sample of 500 English sentences (../shared/datasets/checkworthiness)', settings: TRAINING }, null, 1)}\n`);
console.log(`wrote ${out}: ${Object.keys(weights.words).length} word weights; feature weights ${JSON.stringify(weights.features)}`);
