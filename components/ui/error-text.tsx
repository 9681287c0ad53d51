'use client';

/**
 * Error sentences in the reader's language for code outside React (fetch helpers, the
 * collaboration connection). The registrar, rendered once inside the intl provider, hands them
 * the current catalogue; API errors whose code has a fixed meaning are told in the reader's
 * language, others (validation details) keep the server's own sentence.
 */
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

type ErrorTranslator = (key: string, values?: Record<string, string | number>) => string;
let translate: ErrorTranslator | null = null;
let english = true;

/** A sentence of the `errors` messages, or `fallback` before the registrar ran. */
export function errorText(key: string, fallback: string, values?: Record<string, string | number>): string {
  return translate ? translate(key, values) : fallback;
}

/** The sentence for an API error: the reader's own for codes with a fixed meaning (not in English, where the server's is as good and more precise). */
export function apiErrorText(code: string | undefined, serverMessage: string | undefined, status: number): string {
  if (code && translate && !english) {
    const key = `code.${code}`;
    const text = translate(key);
    if (text && !text.endsWith(key)) return text;
  }
  return serverMessage ?? errorText('requestFailed', `The request failed (${status}).`, { status });
}

export function ErrorTextRegistrar({ locale }: { locale: string }) {
  const t = useTranslations('errors');
  useEffect(() => {
    translate = (key, values) => (t.has(key as never) ? t(key as never, values as never) : key);
    english = locale === 'en';
  }, [t, locale]);
  return null;
}
