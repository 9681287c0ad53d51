/**
 * next-intl's configuration for each request: the interface language and the reader's time
 * zone. Language: the browser's cookie (set when the user chooses one), else the account's
 * saved choice, else the browser's Accept-Language, else English. Time zone: the account's
 * setting, else the one the browser reported (cookie), else UTC.
 */
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, matchLocale, TIME_ZONE_COOKIE, validTimeZone } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

export default getRequestConfig(async () => {
  const jar = await cookies();
  const cookieLocale = jar.get(LOCALE_COOKIE)?.value;
  const user = await getSessionUser().catch(() => null);
  const locale =
    (isLocale(cookieLocale) && cookieLocale) ||
    (isLocale(user?.locale) && user.locale) ||
    matchLocale((await headers()).get('accept-language')) ||
    DEFAULT_LOCALE;
  const timeZone = validTimeZone(user?.timeZone) ?? validTimeZone(jar.get(TIME_ZONE_COOKIE)?.value) ?? 'UTC';
  return { locale, timeZone, messages: messagesFor(locale), now: new Date() };
});
