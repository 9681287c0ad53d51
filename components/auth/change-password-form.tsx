'use client';

import { useState } from 'react';
import { sendJson } from '../claims/api';

/** Current password, new password twice; on success, on to the documents. */
export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('repeat') ?? '')) {
      setError('The two new passwords are not the same.');
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
        <span>Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required autoFocus />
      </label>
      <label className="field">
        <span>New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} aria-describedby="new-password-help" />
      </label>
      <p id="new-password-help" className="muted small">
        At least {minLength} characters. Signing in elsewhere with the old password ends.
      </p>
      <label className="field">
        <span>New password again</span>
        <input name="repeat" type="password" autoComplete="new-password" required minLength={minLength} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && <p role="status">Password changed.</p>}
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
