/**
 * Evaluation and speed of the claim memory (lib/claims/memory.ts, similarity.ts) through its
 * real path — FTS5 candidates from a temporary SQLite file, then the ranking — never timed
 * in tests:
 *
 * 1. Matching: the labelled pairs of bench/data/claim-matching.json (German, English,
 *    Spanish) against their targets plus ≥ 500 distractors: recall@5 and MRR of the
 *    paraphrases, false matches on changed numbers.
 * 2. Speed: a similarity query and a search over an archive of `--claims` (100,000) claims.
 *
 *   npm run bench -- bench/claim-memory.ts [--claims 100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' } } });
process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-memory-')), 'memory.db');

const { getEngine } = await import('@/db');
type Tx = import('@/db').Tx;
const { insertClaim } = await import('@/db/queries/claims');
const { insertDocument } = await import('@/db/queries/documents');
const { setClaimStems } = await import('@/db/queries/claim-search');
const { insertUser, insertWorkspace, upsertMembership } = await import('@/db/queries/users');
const { claimbusterSamples, ownGermanSpanishSamples } = await import('@/lib/checkworthy/data');
const { indexClaim, indexMissingClaims, similarClaims } = await import('@/lib/claims/memory');
const { matchLanguage, stems } = await import('@/lib/claims/similarity');
const { textToDoc } = await import('@/lib/editor/import');
const { search } = await import('@/lib/search/search');

type Pair = { lang: 'de' | 'en' | 'es'; kind: 'same' | 'changed_number'; target: string; query: string };
const pairs = (JSON.parse(fs.readFileSync('bench/data/claim-matching.json', 'utf8')) as { pairs: Pair[] }).pairs;

const engine = getEngine();
const { user, workspace } = await engine.transaction(async (tx) => {
  const user = await insertUser({ email: 'bench@factdesk.test', name: 'Bench', passwordHash: 'x' }, tx);
  const workspace = await insertWorkspace({ name: 'Bench', organisation: 'Bench' }, tx);
  await upsertMembership({ userId: user.id, workspaceId: workspace.id, role: 'reviewer' }, tx);
  return { user, workspace };
});
const doc = (language: string, title: string) =>
  engine.transaction((tx) => insertDocument({ workspaceId: workspace.id, title, language, sourceUrl: null, doc: textToDoc('x').toJSON(), userId: user.id }, tx));
const archive = { de: await doc('de', 'Archiv de'), en: await doc('en', 'Archive en'), es: await doc('es', 'Archivo es') };
const queries = { de: await doc('de', 'Neu de'), en: await doc('en', 'New en'), es: await doc('es', 'Nuevo es') };
const claim = (documentId: string, statement: string, tx?: Tx) =>
  tx
    ? insertClaim({ documentId, from: 1, to: 2, quoteExact: statement, quotePrefix: '', quoteSuffix: '', statement, createdBy: user.id }, tx)
    : engine.transaction((t) => insertClaim({ documentId, from: 1, to: 2, quoteExact: statement, quotePrefix: '', quoteSuffix: '', statement, createdBy: user.id }, t));

// 1. Matching.
const targets = new Map<Pair, string>();
await engine.transaction(async (tx) => {
  for (const p of pairs) targets.set(p, (await claim(archive[p.lang].id, p.target, tx)).id);
  for (const s of claimbusterSamples()) await claim(archive.en.id, s.text, tx);
  for (const s of ownGermanSpanishSamples()) await claim(archive[s.lang as 'de' | 'es'].id, s.text, tx);
});
const distractors = claimbusterSamples().length + ownGermanSpanishSamples().length;
await indexMissingClaims();
let found = 0;
let reciprocal = 0;
let falseMatches = 0;
const missed: string[] = [];
for (const p of pairs) {
  const q = await claim(queries[p.lang].id, p.query);
  await indexClaim(q.id);
  const ids = (await similarClaims(q.id, workspace.id)).map((m) => m.claim.id);
  const rank = ids.indexOf(targets.get(p)!) + 1;
  if (p.kind === 'same') {
    if (rank > 0) {
      found++;
      reciprocal += 1 / rank;
    } else missed.push(`${p.lang}: ${p.query}`);
  } else if (rank > 0) {
    falseMatches++;
    missed.push(`false match, ${p.lang}: ${p.query}`);
  }
  await engine.transaction((tx) => setClaimStems(q.id, '', null, tx));
}
const same = pairs.filter((p) => p.kind === 'same').length;
const changed = pairs.length - same;
console.log(`Matching: ${pairs.length} labelled queries (${same} same claim, ${changed} changed number; German, English, Spanish) against ${pairs.length} targets and ${distractors} distractors:`);
console.log(`  recall@5 ${(found / same).toFixed(3)} · MRR ${(reciprocal / same).toFixed(3)} · false matches on changed numbers ${falseMatches} of ${changed}`);
if (missed.length) console.log(`  missed: ${missed.join(' | ')}`);

// 2. Speed, over an archive of N claims.
const n = Number(values.claims);
const subjects = { de: ['Die Arbeitslosenquote', 'Die Inflation', 'Der Haushalt', 'Die Bundeswehr', 'Die Miete in Berlin', 'Die NATO', 'Die Bahn', 'Der Export'], en: ['Unemployment', 'Inflation', 'The budget', 'The army', 'Rent in London', 'NATO', 'The railway', 'Exports'], es: ['El paro', 'La inflación', 'El presupuesto', 'El ejército', 'El alquiler en Madrid', 'La OTAN', 'El tren', 'La exportación'] };
const verbs = { de: ['stieg auf', 'sank auf', 'erreichte', 'lag bei'], en: ['rose to', 'fell to', 'reached', 'stood at'], es: ['subió a', 'bajó a', 'alcanzó', 'se situó en'] };
const units = { de: ['Prozent', 'Millionen Euro', 'Milliarden Euro'], en: ['percent', 'million dollars', 'billion dollars'], es: ['por ciento', 'millones de euros', 'mil millones de euros'] };
let seed = 7;
const random = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % k);
const langs = ['de', 'en', 'es'] as const;
const started = performance.now();
await engine.transaction(async (tx) => {
  for (let i = 0; i < n; i++) {
    const lang = langs[i % 3]!;
    const statement = `${subjects[lang][random(8)]} ${verbs[lang][random(4)]} ${random(1000) / 10} ${units[lang][random(3)]} ${lang === 'de' ? 'im Jahr' : lang === 'en' ? 'in' : 'en'} ${1990 + random(36)} (${i}).`;
    const row = await claim(archive[lang].id, statement, tx);
    const words = stems(statement, matchLanguage(lang)).join(' ');
    await setClaimStems(row.id, workspace.id, { stems: words, statement, quote: statement, rationale: '', tags: '', sources: '' }, tx);
  }
});
console.log(`Archive of ${n.toLocaleString('en')} more claims written and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
const time = async (run: () => Promise<unknown>, times = 50) => {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return `p50 ${ms[Math.floor(times / 2)]!.toFixed(1)} ms, p95 ${ms[Math.floor(times * 0.95)]!.toFixed(1)} ms`;
};
const probe = await claim(queries.de.id, 'Die Arbeitslosenquote stieg auf 6,1 Prozent im Jahr 2024.');
await indexClaim(probe.id);
console.log(`  similar claims of one claim: ${await time(() => similarClaims(probe.id, workspace.id))}`);
console.log(`  search "Arbeitslosenquote 2024": ${await time(() => search(user.id, { q: 'Arbeitslosenquote 2024' }))}`);
console.log(`  search with a verdict filter: ${await time(() => search(user.id, { q: 'inflation', status: 'open' }))}`);
