/**
 * The interface languages and how one is chosen: the user's own choice (saved with the
 * account and in a cookie), else the browser's languages, else English. Reports speak the
 * document's language when it is one of ours.
 */

/** The languages the interface and the reports are written in. */
export const LOCALES = ['en', 'de', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in itself, for the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', es: 'Español' };

/** The cookie that remembers a browser's interface language. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** The cookie the browser sets with its own time zone (an IANA name). */
export const TIME_ZONE_COOKIE = 'factdesk-tz';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of our languages in an Accept-Language header ("de-AT,de;q=0.9,en;q=0.8" → de), or null. */
export function matchLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const wanted = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: (tag ?? '').trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const primary = w.tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

/** The language a document's report is written in: the document's when we have it, else English. */
export function reportLocale(documentLanguage: string | null | undefined): Locale {
  const primary = (documentLanguage ?? '').split('-')[0]!.toLowerCase();
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

/** A valid IANA time zone name, or null ("Europe/Berlin" yes, "Mars/Olympus" no). */
export function validTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || !value || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
