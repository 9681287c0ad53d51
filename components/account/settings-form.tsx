'use client';

import { LocaleOptions } from '@/components/ui/locale-options';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { EmailMode } from '@/db/enums';
import { LOCALE_NAMES, LOCALES, matchLocale } from '@/lib/i18n/locales';
import { sendJson } from '../claims/api';

interface Settings {
  locale: string | null;
  timeZone: string | null;
  emailNotifications: EmailMode;
}

/** All IANA zones the browser knows, or a few common ones. */
function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

const noSubscription = () => () => {};

export function SettingsForm({ initial, mailConfigured }: { initial: Settings; mailConfigured: boolean }) {
  const t = useTranslations('settings');
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  // What "as my browser" means here: known only in the browser (the server renders a neutral label first).
  const browserZone = useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => '…');
  const browserLocale = useSyncExternalStore(noSubscription, () => matchLocale(navigator.languages.join(',')) ?? 'en', () => 'en');
  const zoneList = useMemo(() => {
    const list = zones();
    return initial.timeZone && !list.includes(initial.timeZone) ? [initial.timeZone, ...list] : list;
  }, [initial.timeZone]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setPending(true);
    setStatus(null);
    try {
      const locale = String(f.get('locale') ?? '') || null;
      await sendJson('PATCH', '/api/account', {
        locale,
        timeZone: String(f.get('timeZone') ?? '') || null,
        emailNotifications: String(f.get('emailNotifications')),
      });
      // "As my browser": forget this browser's remembered language too.
      if (!locale) document.cookie = 'NEXT_LOCALE=; path=/; max-age=0';
      setStatus({ ok: true, text: t('saved') });
      router.refresh();
    } catch (e) {
      setStatus({ ok: false, text: (e as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="stack settings-form" onSubmit={onSubmit}>
      <label className="field">
        <span>{t('language')}</span>
        <select name="locale" defaultValue={initial.locale ?? ''}>
          <option value="">{t('browserLanguage', { language: LOCALE_NAMES[browserLocale as (typeof LOCALES)[number]] ?? 'English' })}</option>
          <LocaleOptions />
        </select>
      </label>
      <label className="field">
        <span>{t('timeZone')}</span>
        <select name="timeZone" defaultValue={initial.timeZone ?? ''} aria-describedby="zone-help">
          <option value="">
            {t('browserTimeZone', { zone: browserZone })}
          </option>
          {zoneList.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <p id="zone-help" className="muted small">
        {t('timeZoneHelp')}
      </p>
      <fieldset className="field">
        <legend>{t('email')}</legend>
        {(['instant', 'daily', 'off'] as const).map((mode) => (
          <label key={mode} className="radio">
            <input type="radio" name="emailNotifications" value={mode} defaultChecked={initial.emailNotifications === mode} />
            {t(mode === 'instant' ? 'emailInstant' : mode === 'daily' ? 'emailDaily' : 'emailOff')}
          </label>
        ))}
        <p className="muted small">{t('emailHelp')}</p>
        {!mailConfigured && <p className="muted small">{t('mailNotConfigured')}</p>}
      </fieldset>
      {status && (
        <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
