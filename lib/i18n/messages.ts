/**
 * The message catalogues (messages/*.json, ICU message syntax) and translators for code that
 * runs outside a page: exports, e-mails, notifications. Pages use next-intl's own hooks.
 */
import { createFormatter, createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import { DEFAULT_LOCALE, type Locale } from './locales';

export type Messages = typeof en;
const CATALOGUES: Record<Locale, Messages> = { en, de: de as Messages, es: es as Messages };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale] ?? CATALOGUES[DEFAULT_LOCALE];
}

/** A translator for one language (and optionally one namespace), with dates in `timeZone`. */
export function translator(locale: Locale, timeZone = 'UTC') {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone });
}
export type Translator = ReturnType<typeof translator>;

/** Dates and numbers in one language and time zone. */
export function formatter(locale: Locale, timeZone = 'UTC') {
  return createFormatter({ locale, timeZone });
}
