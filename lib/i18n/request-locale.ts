/** The language and time zone of an API request, chosen as pages choose them (i18n/request.ts). */
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, matchLocale, TIME_ZONE_COOKIE, validTimeZone, type Locale } from './locales';

function cookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(/;\s*/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return undefined;
}

export function requestLocale(req: Request, user?: { locale?: string | null } | null): Locale {
  const fromCookie = cookie(req.headers.get('cookie'), LOCALE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  if (isLocale(user?.locale)) return user.locale;
  return matchLocale(req.headers.get('accept-language')) ?? DEFAULT_LOCALE;
}

export function requestTimeZone(req: Request, user?: { timeZone?: string | null } | null): string {
  return validTimeZone(user?.timeZone) ?? validTimeZone(cookie(req.headers.get('cookie'), TIME_ZONE_COOKIE)) ?? 'UTC';
}
