/**
 * The languages a document may be in: BCP 47 tags chosen from a list (with their names),
 * never free text, and the direction each is written in.
 */

/** Language subtags offered in the document forms, with their names in English and in the language itself. */
export const LANGUAGES = [
  { tag: 'ar', name: 'Arabic', native: 'العربية' },
  { tag: 'bg', name: 'Bulgarian', native: 'български' },
  { tag: 'ca', name: 'Catalan', native: 'català' },
  { tag: 'cs', name: 'Czech', native: 'čeština' },
  { tag: 'da', name: 'Danish', native: 'dansk' },
  { tag: 'de', name: 'German', native: 'Deutsch' },
  { tag: 'el', name: 'Greek', native: 'Ελληνικά' },
  { tag: 'en', name: 'English', native: 'English' },
  { tag: 'es', name: 'Spanish', native: 'español' },
  { tag: 'et', name: 'Estonian', native: 'eesti' },
  { tag: 'eu', name: 'Basque', native: 'euskara' },
  { tag: 'fa', name: 'Persian', native: 'فارسی' },
  { tag: 'fi', name: 'Finnish', native: 'suomi' },
  { tag: 'fr', name: 'French', native: 'français' },
  { tag: 'ga', name: 'Irish', native: 'Gaeilge' },
  { tag: 'he', name: 'Hebrew', native: 'עברית' },
  { tag: 'hi', name: 'Hindi', native: 'हिन्दी' },
  { tag: 'hr', name: 'Croatian', native: 'hrvatski' },
  { tag: 'hu', name: 'Hungarian', native: 'magyar' },
  { tag: 'id', name: 'Indonesian', native: 'Indonesia' },
  { tag: 'it', name: 'Italian', native: 'italiano' },
  { tag: 'ja', name: 'Japanese', native: '日本語' },
  { tag: 'ko', name: 'Korean', native: '한국어' },
  { tag: 'lt', name: 'Lithuanian', native: 'lietuvių' },
  { tag: 'lv', name: 'Latvian', native: 'latviešu' },
  { tag: 'nl', name: 'Dutch', native: 'Nederlands' },
  { tag: 'no', name: 'Norwegian', native: 'norsk' },
  { tag: 'pl', name: 'Polish', native: 'polski' },
  { tag: 'pt', name: 'Portuguese', native: 'português' },
  { tag: 'ro', name: 'Romanian', native: 'română' },
  { tag: 'ru', name: 'Russian', native: 'русский' },
  { tag: 'sk', name: 'Slovak', native: 'slovenčina' },
  { tag: 'sl', name: 'Slovenian', native: 'slovenščina' },
  { tag: 'sq', name: 'Albanian', native: 'shqip' },
  { tag: 'sr', name: 'Serbian', native: 'српски' },
  { tag: 'sv', name: 'Swedish', native: 'svenska' },
  { tag: 'sw', name: 'Swahili', native: 'Kiswahili' },
  { tag: 'tr', name: 'Turkish', native: 'Türkçe' },
  { tag: 'uk', name: 'Ukrainian', native: 'українська' },
  { tag: 'ur', name: 'Urdu', native: 'اردو' },
  { tag: 'vi', name: 'Vietnamese', native: 'Tiếng Việt' },
  { tag: 'zh', name: 'Chinese', native: '中文' },
] as const;

const KNOWN = new Set<string>(LANGUAGES.map((l) => l.tag));
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'yi', 'ps', 'dv', 'ckb', 'sd', 'ug']);

/**
 * The canonical form of a BCP 47 tag whose language is one of LANGUAGES (`DE` → `de`,
 * `pt-br` → `pt-BR`), or null: "Deutsch" is grammatically a tag but no language we know.
 */
export function canonicalLanguage(tag: string): string | null {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    return null;
  }
  if (!canonical) return null;
  return KNOWN.has(canonical.split('-')[0]!) ? canonical : null;
}

/** The name of a language tag in English with its own name ("German (Deutsch)"), or the tag. */
export function languageName(tag: string): string {
  const entry = LANGUAGES.find((l) => l.tag === tag.split('-')[0]);
  if (!entry) return tag;
  const region = tag.includes('-') ? ` — ${tag}` : '';
  return entry.name === entry.native ? `${entry.name}${region}` : `${entry.name} (${entry.native})${region}`;
}

/** The direction a language is written in: `rtl` for Arabic, Hebrew, Persian, Urdu …, else `ltr`. */
export function textDirection(tag: string | null | undefined): 'rtl' | 'ltr' {
  const primary = (tag ?? '').split('-')[0]!.toLowerCase();
  return RIGHT_TO_LEFT.has(primary) || /-arab\b/i.test(tag ?? '') ? 'rtl' : 'ltr';
}

/** A language's name in the reader's language ("de" in Spanish: "alemán"), from the browser's or Node's own data. */
export function languageNameIn(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? languageName(tag);
  } catch {
    return languageName(tag);
  }
}
