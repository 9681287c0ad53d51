/**
 * Whether two claims say the same thing: one function decides (`similarity`), over a
 * signature of each claim — Snowball stems of its words (German, English, Spanish; others
 * English), its numbers normalised ("48 Millionen", "48 million", "48.000.000" are one
 * number), its names, and character trigrams. Claims with different numbers do not match
 * ("48 Millionen" is not "47 Millionen"). Pure, for the server and tests.
 */
import { newStemmer } from 'snowball-stemmers';
import { sentenceLanguage } from '../i18n/detect';

export type MatchLanguage = 'de' | 'en' | 'es';

const STEMMERS: Record<MatchLanguage, { stem(word: string): string }> = {
  de: newStemmer('german'),
  en: newStemmer('english'),
  es: newStemmer('spanish'),
};

const STOPWORDS: Record<MatchLanguage, Set<string>> = {
  de: new Set('der die das den dem des ein eine einen einem einer eines und oder aber in im ins an am auf aus bei mit nach von vom zu zum zur für über unter vor als wie ist sind war waren wird werden wurde hat haben hatte es er sie wir ihr ich nicht auch noch nur sich dass ob so'.split(' ')),
  en: new Set('the a an and or but in on at of to for from by with as is are was were be been will would has have had it its this that these those he she they we i not also only which who there their'.split(' ')),
  es: new Set('el la los las un una unos unas y o pero en de del al a por para con sin como es son fue fueron ser será ha han había se que no también solo su sus lo le les este esta estos estas'.split(' ')),
};

const SCALES: [RegExp, number][] = [
  [/^(billion(en)?|trillion|billones?)$/i, 1e12],
  [/^(milliarden?|mrd\.?|billion|mil millones)$/i, 1e9],
  [/^(millionen?|million(s)?|millón|millones|mio\.?)$/i, 1e6],
  [/^(tausend|thousand(s)?|mil)$/i, 1e3],
];

export function matchLanguage(tag: string | null | undefined): MatchLanguage {
  const primary = (tag ?? '').split('-')[0]!.toLowerCase();
  return primary === 'de' || primary === 'es' ? primary : 'en';
}

/** A claim's words made comparable: lower case, without accents, stop words left out, stemmed. */
export function stems(text: string, lang: MatchLanguage): string[] {
  const words = text.toLowerCase().match(/[\p{L}][\p{L}\p{N}-]*/gu) ?? [];
  return words.filter((w) => !STOPWORDS[lang].has(w) && w.length > 1).map((w) => STEMMERS[lang].stem(w).normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/** One written number as a value: "48.000.000" (de), "48,3" (de), "4.5" (en), "1,200" (en). */
function parseNumber(raw: string, lang: MatchLanguage): number | null {
  const dots = (raw.match(/\./g) ?? []).length;
  const commas = (raw.match(/,/g) ?? []).length;
  let s = raw;
  if (dots && commas) {
    // The last separator is the decimal one.
    const decimal = raw.lastIndexOf('.') > raw.lastIndexOf(',') ? '.' : ',';
    s = raw.replaceAll(decimal === '.' ? ',' : '.', '').replace(decimal, '.');
  } else if (dots || commas) {
    const sep = dots ? '.' : ',';
    const groups = raw.split(sep);
    const thousands = groups.length > 2 || (groups[1]!.length === 3 && (lang === 'en' ? sep === ',' : sep === '.'));
    s = thousands ? groups.join('') : groups.join('.');
  }
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

/** The numbers a text states, normalised with their scale words ("48 Millionen" → "48000000"); years stay years. */
export function numbersIn(text: string, lang: MatchLanguage): string[] {
  const out: string[] = [];
  const re = /(\d+(?:[.,]\d+)*)(?:\s*(%|prozent|percent|por ciento|mil millones|[\p{L}]+\.?))?/giu;
  for (const m of text.matchAll(re)) {
    let value = parseNumber(m[1]!, lang);
    if (value === null) continue;
    const word = (m[2] ?? '').trim();
    const scale = SCALES.find(([r]) => r.test(word));
    if (scale) value *= scale[1];
    const percent = /^(%|prozent|percent|por ciento)$/i.test(word);
    out.push(`${Number(value.toPrecision(6))}${percent ? '%' : ''}`);
  }
  return [...new Set(out)];
}

/** Names and designations: acronyms and words with digits (NATO, MK-41), and capitalised words not at the start (English, Spanish). */
export function entitiesIn(text: string, lang: MatchLanguage): string[] {
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  const out = tokens.filter((t, i) => /^\p{Lu}{2,}/u.test(t) || /\p{L}.*\d|\d.*\p{L}/u.test(t) || (lang !== 'de' && i > 0 && /^\p{Lu}\p{Ll}/u.test(t)));
  return [...new Set(out.map((t) => t.toLowerCase()))];
}

function trigrams(text: string): Set<string> {
  const s = ` ${text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

export interface Signature {
  stems: Set<string>;
  /** Quantities (not years). */
  numbers: Set<string>;
  /** Years (1900–2099 written alone). */
  years: Set<string>;
  entities: Set<string>;
  trigrams: Set<string>;
}

/** What a claim says, for comparing: its statement and its quote. */
export function signatureOf(claim: { statement: string; quote: string }, language: string | null | undefined, opts: { detect?: boolean } = {}): Signature {
  // A claim quoted in another language than its document's is compared in its own (detected
  // for the claim asked about; candidates, many at once, take their document's language).
  const lang = opts.detect === false ? matchLanguage(language) : sentenceLanguage(claim.statement, matchLanguage(language));
  const text = `${claim.statement} ${claim.quote}`;
  const numbers = numbersIn(text, lang);
  const isYear = (n: string) => /^(19|20)\d\d$/.test(n);
  return {
    stems: new Set(stems(text, lang)),
    numbers: new Set(numbers.filter((n) => !isYear(n))),
    years: new Set(numbers.filter(isYear)),
    entities: new Set(entitiesIn(text, lang)),
    trigrams: trigrams(claim.statement),
  };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** How much two claims say the same thing, 0…1. Different numbers keep a pair far below the threshold. */
export function similarity(a: Signature, b: Signature): number {
  const words = jaccard(a.stems, b.stems);
  const chars = jaccard(a.trigrams, b.trigrams);
  const names = a.entities.size || b.entities.size ? jaccard(a.entities, b.entities) : words;
  let score = 0.5 * words + 0.3 * chars + 0.2 * names;
  // Quantities decide: a shared year does not make 1.8 and 2.8 billion the same claim.
  if (a.numbers.size && b.numbers.size) {
    const shared = [...a.numbers].some((n) => b.numbers.has(n));
    score = shared ? Math.min(1, score + 0.15) : score * 0.25;
  }
  if (a.years.size && b.years.size && ![...a.years].some((y) => b.years.has(y))) score *= 0.5;
  return score;
}

/** Matches at or above this are shown as "checked before" (before a desk has decided anything). */
export const SIMILARITY_THRESHOLD = 0.3;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * The desk's own threshold, from its decisions: above three of four suggestions it called
 * "not the same claim" (once it made three), but never above a quarter of those it reused
 * (once it reused three), and between 0.3 and 0.8.
 */
export function tunedThreshold(decisions: { same: number[]; notSame: number[] }): number {
  let t = SIMILARITY_THRESHOLD;
  if (decisions.notSame.length >= 3) t = Math.max(t, quantile(decisions.notSame, 0.75) + 0.01);
  if (decisions.same.length >= 3) t = Math.min(t, quantile(decisions.same, 0.25));
  return Math.min(0.8, Math.max(SIMILARITY_THRESHOLD, Math.round(t * 1000) / 1000));
}
