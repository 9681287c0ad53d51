'use client';

/**
 * The members table: change a role, remove a member, reset a member's password, add one
 * with an initial password; passwords are shown once. The server refuses what is not allowed (non-admins, the last admin).
 */
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ROLES, type Role } from '@/db/enums';
import { sendJson } from '../claims/api';

interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
}


interface Invitation {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function MemberManager(props: { initialMembers: Member[]; initialInvitations: Invitation[]; currentUserId: string; canManage: boolean }) {
  const { currentUserId, canManage } = props;
  const t = useTranslations('members');
  const [members, setMembers] = useState(props.initialMembers);
  const [invitations, setInvitations] = useState(props.initialInvitations);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string; reset?: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function changeRole(m: Member, role: Role) {
    setError(null);
    try {
      const { member } = await sendJson<{ member: Member }>('PATCH', `/api/members/${m.id}`, { role });
      setMembers((all) => all.map((x) => (x.id === m.id ? member : x)));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function remove(m: Member) {
    if (!window.confirm(t('confirmRemove', { name: m.name }))) return;
    setError(null);
    try {
      await sendJson('DELETE', `/api/members/${m.id}`);
      setMembers((all) => all.filter((x) => x.id !== m.id));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function withdraw(inv: Invitation) {
    setError(null);
    try {
      await sendJson('DELETE', `/api/invitations/${inv.id}`);
      setInvitations((all) => all.filter((x) => x.id !== inv.id));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function resetPassword(m: Member) {
    if (!window.confirm(t('confirmReset', { name: m.name }))) return;
    setError(null);
    setCreated(null);
    try {
      const { password } = await sendJson<{ password: string }>('POST', `/api/members/${m.id}/password`);
      setCreated({ email: m.email, password, reset: true });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setPending(true);
    setError(null);
    setCreated(null);
    try {
      const body = await sendJson<{ invitation: Invitation; initialPassword: string }>('POST', '/api/members', {
        email: String(f.get('email')),
        name: String(f.get('name')),
        role: String(f.get('role')),
      });
      setInvitations((all) => [...all, body.invitation]);
      setCreated({ email: body.invitation.email, password: body.initialPassword });
      form.reset();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div className="notice-box" role="status">
          {created.reset ? (
            <p>
              {t.rich('resetNotice', { email: created.email, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          ) : (
            <p>
              {t.rich('inviteNotice', { email: created.email, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          )}
          <p>
            <code className="password" aria-label={created.reset ? t('oneTimePassword') : t('initialPassword')}>
              {created.password}
            </code>
          </p>
        </div>
      )}
      <table className="doc-table">
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col" className="optional">
              {t('email')}
            </th>
            <th scope="col">{t('roleCol')}</th>
            {canManage && <th scope="col">{t('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.id === currentUserId && <span className="muted">{t('you')}</span>}
              </td>
              <td className="optional">{m.email}</td>
              <td>
                {canManage ? (
                  <select aria-label={t('roleOf', { name: m.name })} value={m.role} onChange={(e) => void changeRole(m, e.target.value as Role)}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`role.${m.role}`)
                )}
              </td>
              {canManage && (
                <td>
                  <div className="row-actions">
                    {m.id !== currentUserId && (
                      <button type="button" className="button ghost small" onClick={() => void resetPassword(m)} aria-label={t('resetOf', { name: m.name })}>
                        {t('reset')}
                      </button>
                    )}
                    <button type="button" className="button danger small" onClick={() => void remove(m)} aria-label={t('removeOf', { name: m.name })}>
                      {t('remove')}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && invitations.length > 0 && (
        <table className="doc-table">
          <caption>{t('invited')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('roleCol')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.name}</td>
                <td>{inv.email}</td>
                <td>{t(`role.${inv.role}`)}</td>
                <td>
                  <button type="button" className="button ghost small" onClick={() => void withdraw(inv)} aria-label={t('withdrawOf', { email: inv.email })}>
                    {t('withdraw')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form className="card stack compact" onSubmit={add} aria-label={t('invite')}>
          <h2>{t('invite')}</h2>
          <div className="field-row">
            <label className="field">
              <span>{t('name')}</span>
              <input name="name" required maxLength={100} autoComplete="off" />
            </label>
            <label className="field">
              <span>{t('email')}</span>
              <input name="email" type="email" required maxLength={254} autoComplete="off" />
            </label>
            <label className="field">
              <span>{t('roleCol')}</span>
              <select name="role" defaultValue="reviewer">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ul className="muted small role-help">
            {ROLES.map((r) => (
              <li key={r}>
                <strong>{t(`role.${r}`)}</strong>: {t(`roleHelp.${r}`)}
              </li>
            ))}
          </ul>
          <div className="actions">
            <span className="spacer" />
            <button type="submit" className="button primary" disabled={pending}>
              {pending ? t('inviting') : t('inviteButton')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
