'use client';

/**
 * The members table: change a role, remove a member, reset a member's password, add one
 * with an initial password; passwords are shown once. The server refuses what is not allowed (non-admins, the last admin).
 */
import { useState } from 'react';
import { ROLES, type Role } from '@/db/enums';
import { sendJson } from '../claims/api';

interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
}

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', editor: 'Editor', reviewer: 'Reviewer', viewer: 'Viewer' };
const ROLE_HELP: Record<Role, string> = {
  admin: 'members, and everything an editor can do',
  editor: 'create and delete documents, approve, sign off, reopen',
  reviewer: 'edit text, mark claims, propose and approve verdicts, comment',
  viewer: 'read, comment, export',
};

interface Invitation {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function MemberManager(props: { initialMembers: Member[]; initialInvitations: Invitation[]; currentUserId: string; canManage: boolean }) {
  const { currentUserId, canManage } = props;
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
    if (!window.confirm(`Remove ${m.name} from this workspace? Their past work stays.`)) return;
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
    if (!window.confirm(`Reset the password of ${m.name}? They are signed out everywhere and sign in with a one-time password, then choose their own.`)) return;
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
              <strong>{created.email}</strong> signs in with this one-time password and then chooses a new one. It is shown only this once: pass it on safely.
            </p>
          ) : (
            <p>
              <strong>{created.email}</strong> is invited. Someone new to Factdesk signs in with this one-time password and chooses their own; someone who already has an account signs in with theirs. Either way they join from their Documents page. The password is shown only this once: pass it on safely.
            </p>
          )}
          <p>
            <code className="password" aria-label={created.reset ? 'One-time password' : 'Initial password'}>
              {created.password}
            </code>
          </p>
        </div>
      )}
      <table className="doc-table">
        <caption className="sr-only">Members and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="optional">
              E-mail
            </th>
            <th scope="col">Role</th>
            {canManage && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.id === currentUserId && <span className="muted"> (you)</span>}
              </td>
              <td className="optional">{m.email}</td>
              <td>
                {canManage ? (
                  <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => void changeRole(m, e.target.value as Role)}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </td>
              {canManage && (
                <td>
                  <div className="row-actions">
                    {m.id !== currentUserId && (
                      <button type="button" className="button ghost small" onClick={() => void resetPassword(m)} aria-label={`Reset password of ${m.name}`}>
                        Reset password
                      </button>
                    )}
                    <button type="button" className="button danger small" onClick={() => void remove(m)} aria-label={`Remove ${m.name}`}>
                      Remove
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
          <caption>Invited, not joined yet</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.name}</td>
                <td>{inv.email}</td>
                <td>{ROLE_LABELS[inv.role]}</td>
                <td>
                  <button type="button" className="button ghost small" onClick={() => void withdraw(inv)} aria-label={`Withdraw the invitation of ${inv.email}`}>
                    Withdraw
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form className="card stack compact" onSubmit={add} aria-label="Invite a member">
          <h2>Invite a member</h2>
          <div className="field-row">
            <label className="field">
              <span>Name</span>
              <input name="name" required maxLength={100} autoComplete="off" />
            </label>
            <label className="field">
              <span>E-mail</span>
              <input name="email" type="email" required maxLength={254} autoComplete="off" />
            </label>
            <label className="field">
              <span>Role</span>
              <select name="role" defaultValue="reviewer">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ul className="muted small role-help">
            {ROLES.map((r) => (
              <li key={r}>
                <strong>{ROLE_LABELS[r]}</strong>: {ROLE_HELP[r]}
              </li>
            ))}
          </ul>
          <div className="actions">
            <span className="spacer" />
            <button type="submit" className="button primary" disabled={pending}>
              {pending ? 'Inviting…' : 'Invite member'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
