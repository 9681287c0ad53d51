import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

/** The interface languages as <option>s, each named in itself. */
export function LocaleOptions() {
  return LOCALES.map((l) => (
    <option key={l} value={l} lang={l}>
      {LOCALE_NAMES[l]}
    </option>
  ));
}
