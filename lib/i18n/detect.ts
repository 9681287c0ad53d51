/**
 * The language of a sentence, for text quoted in another language (the sample article's
 * Spanish tweet inside a German report): franc-min, offline, among German, English and
 * Spanish, and only for sentences long enough to tell (else the document's language).
 */
import { franc } from 'franc-min';

const CODES: Record<string, 'de' | 'en' | 'es'> = { deu: 'de', eng: 'en', spa: 'es' };

/** The sentence's language among de/en/es, or `fallback` when it is too short or unclear. */
export function sentenceLanguage(text: string, fallback: 'de' | 'en' | 'es'): 'de' | 'en' | 'es' {
  if (text.length < 40) return fallback;
  return CODES[franc(text, { only: ['deu', 'eng', 'spa'], minLength: 40 })] ?? fallback;
}
