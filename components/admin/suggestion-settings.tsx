'use client';

/** Admins choose how suggested corrections work in their workspace; each change is saved at once. */
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { sendJson } from '../claims/api';

export interface SuggestionSettingsJSON {
  reviewersSuggestOnly: boolean;
  suggestionsFourEyes: boolean;
}

export function SuggestionSettings({ initial }: { initial: SuggestionSettingsJSON }) {
  const t = useTranslations('members');
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function change(patch: Partial<SuggestionSettingsJSON>) {
    const before = settings;
    // The box shows the choice at once; a refusal puts it back.
    setSettings({ ...settings, ...patch });
    setPending(true);
    setStatus(null);
    try {
      const body = await sendJson<{ settings: SuggestionSettingsJSON }>('PUT', '/api/workspace-settings', patch);
      setSettings(body.settings);
      setStatus({ ok: true, text: t('settingsSaved') });
    } catch (e) {
      setSettings(before);
      setStatus({ ok: false, text: (e as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card stack compact" aria-labelledby="suggestion-settings-title">
      <h2 id="suggestion-settings-title">{t('settingsTitle')}</h2>
      <label className="check">
        <input type="checkbox" checked={settings.reviewersSuggestOnly} disabled={pending} onChange={(e) => void change({ reviewersSuggestOnly: e.target.checked })} />
        <span>{t('settingsSuggestOnly')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.suggestionsFourEyes} disabled={pending} onChange={(e) => void change({ suggestionsFourEyes: e.target.checked })} />
        <span>{t('settingsFourEyes')}</span>
      </label>
      {status && (
        <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
