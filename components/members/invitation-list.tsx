'use client';

/** The signed-in person's invitations to workspaces: join or decline each. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Role } from '@/db/enums';
import { sendJson } from '../claims/api';

export interface MyInvitation {
  id: string;
  workspaceName: string;
  role: Role;
  invitedByName: string | null;
}

export function InvitationList({ invitations }: { invitations: MyInvitation[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(invitation: MyInvitation, accept: boolean) {
    setBusy(invitation.id);
    setError(null);
    try {
      if (accept) await sendJson('POST', `/api/invitations/${invitation.id}/accept`);
      else await sendJson('DELETE', `/api/invitations/${invitation.id}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  if (!invitations.length) return null;
  return (
    <section className="notice-box stack compact" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="invitation-list">
        {invitations.map((inv) => (
          <li key={inv.id}>
            <span>
              {inv.invitedByName ?? 'An admin'} invited you to <strong>{inv.workspaceName}</strong> as {inv.role === 'admin' || inv.role === 'editor' ? 'an' : 'a'} {inv.role}.
            </span>
            <span className="actions">
              <button type="button" className="button primary small" disabled={busy === inv.id} onClick={() => void act(inv, true)} aria-label={`Join ${inv.workspaceName}`}>
                Join
              </button>
              <button type="button" className="button ghost small" disabled={busy === inv.id} onClick={() => void act(inv, false)} aria-label={`Decline the invitation to ${inv.workspaceName}`}>
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
