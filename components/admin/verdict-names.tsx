'use client';

/** Admins rename verdicts per language ("Misleading" → "Irreführend" → "Verzerrt"). */
import { LocaleOptions } from '@/components/ui/locale-options';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { VERDICTS, type Verdict } from '@/db/enums';
import { LOCALE_NAMES, type Locale } from '@/lib/i18n/locales';
import { sendJson } from '../claims/api';

type Names = Record<string, Partial<Record<Verdict, string>>>;

export function VerdictNames({ initial, defaults }: { initial: Names; defaults: Record<Locale, Record<Verdict, string>> }) {
  const t = useTranslations('verdictNames');
  const router = useRouter();
  const [names, setNames] = useState(initial);
  const [locale, setLocale] = useState<Locale>('en');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setPending(true);
    setStatus(null);
    try {
      const body = await sendJson<{ names: Names }>('PUT', '/api/verdict-names', {
        locale,
        names: Object.fromEntries(VERDICTS.map((v) => [v, String(f.get(v) ?? '').trim() || null])),
      });
      setNames(body.names);
      setStatus({ ok: true, text: t('saved') });
      router.refresh();
    } catch (e) {
      setStatus({ ok: false, text: (e as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card stack compact" aria-labelledby="verdict-names-title">
      <h2 id="verdict-names-title">{t('title')}</h2>
      <p className="muted small">{t('intro')}</p>
      <label className="field">
        <span>{t('language')}</span>
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          <LocaleOptions />
        </select>
      </label>
      {/* One form per language: switching languages shows that language's names. */}
      <form key={locale} className="stack compact" onSubmit={save}>
        <table className="doc-table verdict-names">
          <thead>
            <tr>
              <th scope="col">{t('verdict')}</th>
              <th scope="col">{t('name', { language: LOCALE_NAMES[locale] })}</th>
            </tr>
          </thead>
          <tbody>
            {VERDICTS.map((v) => (
              <tr key={v}>
                <td lang={locale}>{defaults[locale][v]}</td>
                <td>
                  <input
                    name={v}
                    lang={locale}
                    defaultValue={names[locale]?.[v] ?? ''}
                    placeholder={defaults[locale][v]}
                    maxLength={60}
                    aria-label={t('nameOf', { verdict: defaults[locale][v], language: LOCALE_NAMES[locale] })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {status && (
          <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
        <div className="actions">
          <span className="spacer" />
          <button type="submit" className="button primary" disabled={pending}>
            {pending ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
