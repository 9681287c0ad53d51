/**
 * The whole role × action table, every cell, through the API: each action of
 * lib/permissions.ts is taken by a member of each role on a record of their workspace.
 * Where the table says no, the answer is 403 `forbidden` with the table's refusal; where it
 * says yes, the guard lets the request through (whatever the workflow then says: 2xx, or
 * 409 / 423 / four eyes for a record in the wrong state).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/db/enums';
import { can, permissionsFor, refusal, type Action } from '@/lib/permissions';
import { ApiClient, ok, rangeOf, type ApiResponse } from './client';

const ROLE_USERS: Record<Role, string> = { admin: 'admin', editor: 'editor', reviewer: 'reviewer', viewer: 'viewer' };
let clients: Record<Role, ApiClient>;
let admin: ApiClient;

/** A fresh document with one claim that has a source (made by the admin). */
async function fixture() {
  const { document } = await ok(await admin.post('/api/documents', { title: `Tabelle ${Date.now()}`, language: 'de', content: 'Der Kreml warnt vor Maßnahmen. Die NATO antwortet.' }));
  const { claim } = await ok(await admin.post(`/api/documents/${document.id}/claims`, { ...(await rangeOf(admin, document.id, 'warnt vor Maßnahmen')), verdict: 'false', rationale: 'Nein.' }));
  await ok(await admin.post(`/api/claims/${claim.id}/sources`, { url: 'https://example.org/beleg', title: 'Beleg' }));
  return { documentId: document.id as string, claimId: claim.id as string, rowVersion: (await admin.get(`/api/claims/${claim.id}`)).body.claim.rowVersion as number };
}

const transition = (action: string) => async (c: ApiClient) => {
  const f = await fixture();
  return c.post(`/api/claims/${f.claimId}/transitions`, { action });
};

/** One request per action: what a member of the role sends to take it. */
const RECIPES: Record<Action, (c: ApiClient) => Promise<ApiResponse>> = {
  'document:read': async (c) => c.get(`/api/documents/${(await fixture()).documentId}`),
  'document:export': async (c) => c.get(`/api/documents/${(await fixture()).documentId}/export?format=md`),
  'document:create': (c) => c.post('/api/documents', { title: 'Neu', language: 'de', content: 'Text.' }),
  'document:rename': async (c) => c.patch(`/api/documents/${(await fixture()).documentId}`, { title: 'Umbenannt' }),
  'document:edit': async (c) => {
    const f = await fixture();
    const { document } = (await admin.get(`/api/documents/${f.documentId}`)).body;
    return c.post(`/api/documents/${f.documentId}/steps`, { version: document.version, clientID: 'table', steps: [{ stepType: 'replace', from: 1, to: 1, slice: { content: [{ type: 'text', text: 'x' }] } }] });
  },
  'document:archive': async (c) => c.post(`/api/documents/${(await fixture()).documentId}/archive`),
  'document:delete': async (c) => c.delete(`/api/documents/${(await fixture()).documentId}`),
  'document:submit': async (c) => c.post(`/api/documents/${(await fixture()).documentId}/transitions`, { action: 'submit' }),
  'document:sign_off': async (c) => c.post(`/api/documents/${(await fixture()).documentId}/transitions`, { action: 'sign_off' }),
  'document:publish': async (c) => c.post(`/api/documents/${(await fixture()).documentId}/publish`),
  'document:reopen': async (c) => c.post(`/api/documents/${(await fixture()).documentId}/transitions`, { action: 'reopen', reason: 'Nachtrag' }),
  'claim:create': async (c) => {
    const f = await fixture();
    return c.post(`/api/documents/${f.documentId}/claims`, await rangeOf(admin, f.documentId, 'Die NATO antwortet'));
  },
  'claim:update': async (c) => {
    const f = await fixture();
    return c.patch(`/api/claims/${f.claimId}`, { rowVersion: f.rowVersion, rationale: 'Anders.' });
  },
  'claim:delete': async (c) => c.delete(`/api/claims/${(await fixture()).claimId}`),
  'claim:start': transition('start'),
  'claim:propose': transition('propose'),
  'claim:approve': transition('approve'),
  'claim:request_changes': transition('request_changes'),
  'claim:dismiss': transition('dismiss'),
  'claim:restore': transition('restore'),
  // Nothing is pending in a fresh document: those the table lets through get 409.
  'suggestion:decide': async (c) => c.post(`/api/documents/${(await fixture()).documentId}/suggestions/accept`, {}),
  'comment:create': async (c) => c.post(`/api/claims/${(await fixture()).claimId}/comments`, { body: 'Anmerkung' }),
  'member:read': (c) => c.get('/api/members'),
  'workspace:manage': (c) => c.put('/api/verdict-names', { locale: 'de', names: { misleading: 'Irreführend (Tabelle)' } }),
  'member:manage': (c) => c.post('/api/members', { email: `tabelle-${Math.random().toString(36).slice(2)}@elsewhere.test`, name: 'Tabelle', role: 'viewer' }),
};

beforeAll(async () => {
  const entries = await Promise.all((Object.keys(ROLE_USERS) as Role[]).map(async (r) => [r, await ApiClient.as(`${ROLE_USERS[r]}@factdesk.test`)] as const));
  clients = Object.fromEntries(entries) as Record<Role, ApiClient>;
  admin = clients.admin;
});

describe('the role × action table, every cell', () => {
  it('has a request for every action of lib/permissions.ts', () => {
    expect(Object.keys(RECIPES).sort()).toEqual(Object.keys(permissionsFor('viewer')).sort());
  });

  for (const action of Object.keys(RECIPES) as Action[]) {
    it(`${action}: ${(['admin', 'editor', 'reviewer', 'viewer'] as Role[]).map((r) => `${r} ${can(r, action) ? 'may' : 'may not'}`).join(', ')}`, async () => {
      for (const role of ['admin', 'editor', 'reviewer', 'viewer'] as Role[]) {
        const res = await RECIPES[action](clients[role]);
        const code = res.body?.error?.code;
        if (can(role, action)) {
          expect(res.status === 403 && code === 'forbidden', `${role} ${action}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(false);
          expect(res.status, `${role} ${action}`).not.toBe(404);
        } else {
          expect({ status: res.status, code, message: res.body?.error?.message }, `${role} ${action}`).toEqual({ status: 403, code: 'forbidden', message: refusal(role, action) });
        }
      }
    });
  }
});
