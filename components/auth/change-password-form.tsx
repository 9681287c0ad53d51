'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { sendJson } from '../claims/api';

/** Current password, new password twice; on success, on to the documents. */
export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('repeat') ?? '')) {
      setError(t('passwordsDiffer'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await sendJson('POST', '/api/account/password', { currentPassword: String(form.get('currentPassword') ?? ''), newPassword });
      setDone(true);
      window.location.assign('/documents');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      <label className="field">
        <span>{t('currentPassword')}</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required autoFocus />
      </label>
      <label className="field">
        <span>{t('newPassword')}</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} aria-describedby="new-password-help" />
      </label>
      <p id="new-password-help" className="muted small">
        {t('newPasswordHelp', { min: minLength })}
      </p>
      <label className="field">
        <span>{t('newPasswordAgain')}</span>
        <input name="repeat" type="password" autoComplete="new-password" required minLength={minLength} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && <p role="status">{t('passwordChanged')}</p>}
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? t('changing') : t('changePassword')}
      </button>
    </form>
  );
}
