'use client';

/** The signed-in person's invitations to workspaces: join or decline each. */
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('invitations');
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
      <h2 id="invitations-title">{t('title')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="invitation-list">
        {invitations.map((inv) => (
          <li key={inv.id}>
            <span>
              {t.rich('invited', { by: inv.invitedByName ?? t('anAdmin'), workspace: inv.workspaceName, role: inv.role, strong: (chunks) => <strong>{chunks}</strong> })}
            </span>
            <span className="actions">
              <button type="button" className="button primary small" disabled={busy === inv.id} onClick={() => void act(inv, true)} aria-label={t('joinLabel', { workspace: inv.workspaceName })}>
                {t('join')}
              </button>
              <button type="button" className="button ghost small" disabled={busy === inv.id} onClick={() => void act(inv, false)} aria-label={t('declineLabel', { workspace: inv.workspaceName })}>
                {t('decline')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
