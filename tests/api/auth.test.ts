import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { deleteMembership, getUserByEmail, getWorkspaceByName, upsertMembership } from '@/db/queries/users';
import { OTHER_USER, RATE_LIMIT_USER, REMOVED_USER, SESSION_USER } from '../support/fixtures';
import { openTestEngine } from '../support/test-server';
import { ApiClient, baseUrl, DEMO_PASSWORD, expectError, ok, signIn } from './client';

const otherDocumentId = () => inject('otherDocumentId');

describe('sign-in and sessions', () => {
  it('redirects every page to the login page when signed out', async () => {
    for (const path of ['/documents', '/documents/some-id', '/']) {
      const res = await fetch(`${baseUrl()}${path}`, { redirect: 'manual' });
      expect(res.status).toBeGreaterThanOrEqual(300);
      expect(res.status).toBeLessThan(400);
      const location = res.headers.get('location') ?? '';
      if (path !== '/') expect(location).toContain('/login');
    }
    const login = await fetch(`${baseUrl()}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('Sign in to your desk');
  });

  it('answers API calls without a session with 401', async () => {
    const res = await new ApiClient().get('/api/documents');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    expect(await signIn('reviewer@factdesk.test', 'wrong-password')).toEqual({ error: 'CredentialsSignin' });
    expect(await signIn('nobody@factdesk.test', DEMO_PASSWORD)).toEqual({ error: 'CredentialsSignin' });
  });

  it('signs in with the demo password, case-insensitively by email, and the session reaches the API', async () => {
    const { cookie } = await signIn('Reviewer@Factdesk.test', DEMO_PASSWORD);
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    const res = await new ApiClient(cookie).get('/api/documents');
    expect(res.status).toBe(200);
    expect(res.body.workspaces).toEqual([expect.objectContaining({ workspaceName: 'Demo desk', role: 'reviewer' })]);
  });

  it('after five failures for an email from one address, that pair waits (longer each time); the right password from elsewhere still works', async () => {
    const ip = '198.51.100.10';
    for (let i = 0; i < 6; i++) {
      expect((await signIn(RATE_LIMIT_USER.email, `wrong-${i}`, ip)).error).toBe('CredentialsSignin');
    }
    const refused = await signIn(RATE_LIMIT_USER.email, RATE_LIMIT_USER.password, ip);
    expect(refused.cookie).toBeUndefined();
    expect(refused.error).toMatch(/Too many failed sign-in attempts for this account from your network\. Wait \d+ seconds/);
    expect(refused.error).toMatch(/an admin of your workspace can reset it/);
    // The same account from another address, and other people, are not affected.
    expect((await signIn(RATE_LIMIT_USER.email, RATE_LIMIT_USER.password, '198.51.100.11')).cookie).toBeDefined();
    expect((await signIn(OTHER_USER.email, OTHER_USER.password, ip)).cookie).toBeDefined();
    // The wait is short at first (one second after the sixth failure).
    await new Promise((r) => setTimeout(r, 1200));
    expect((await signIn(RATE_LIMIT_USER.email, RATE_LIMIT_USER.password, ip)).cookie).toBeDefined();
  });

  it('makes an address wait after 50 failed attempts with any emails; other addresses are not affected', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 50; i++) {
      expect((await signIn(`guess-${i}@factdesk.test`, 'nope', ip)).error).toBe('CredentialsSignin');
    }
    expect((await signIn('editor@factdesk.test', DEMO_PASSWORD, ip)).error).toMatch(/Too many failed sign-in attempts from your network\. Wait 15 minutes/);
    expect((await signIn('editor@factdesk.test', DEMO_PASSWORD, '203.0.113.78')).cookie).toBeDefined();
  }, 60_000);
});

/** Reads a Server-Sent Events response until `event` arrives; resolves with its data and when it came. */
async function waitForEvent(res: Response, event: string, timeoutMs = 10_000): Promise<{ data: unknown; at: number }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { done, value } = await Promise.race([reader.read(), new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()))]);
    if (value) text += decoder.decode(value, { stream: true });
    const match = text.match(new RegExp(`event: ${event}\\ndata: (.*)\\n`));
    if (match) {
      void reader.cancel();
      return { data: JSON.parse(match[1]!), at: Date.now() };
    }
    if (done) break;
  }
  void reader.cancel();
  throw new Error(`no "${event}" event within ${timeoutMs} ms; got:\n${text.slice(-500)}`);
}

async function signOut(cookie: string) {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${baseUrl()}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `${cookie}; ${csrfCookie}`, Origin: baseUrl() },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  expect(res.status).toBeLessThan(400);
}

function openStream(client: ApiClient, documentId: string) {
  return fetch(`${baseUrl()}/api/documents/${documentId}/events?version=0&session=${crypto.randomUUID().replace(/-/g, '')}`, { headers: { Cookie: client.cookie! } });
}

describe('sessions end when they should', () => {
  it('sign-out ends the session: the old cookie neither reads nor writes, and its open stream ends within 2 s', async () => {
    const { cookie } = await signIn(SESSION_USER.email, SESSION_USER.password);
    const sam = new ApiClient(cookie);
    expect((await sam.get(`/api/documents/${otherDocumentId()}`)).status).toBe(200);
    const stream = await openStream(sam, otherDocumentId());
    expect(stream.status).toBe(200);
    const ended = waitForEvent(stream, 'reload');
    const before = Date.now();
    await signOut(cookie!);
    const { data, at } = await ended;
    expect(data).toEqual({ reason: 'signed-out' });
    expect(at - before).toBeLessThan(2000);
    expectError(await sam.get(`/api/documents/${otherDocumentId()}`), 401, 'unauthenticated');
    expectError(await sam.post(`/api/documents/${otherDocumentId()}/claims`, { from: 1, to: 5, version: 0 }), 401, 'unauthenticated');
  });

  it('changing the password ends every other session at once and keeps this one; a wrong current password changes nothing', async () => {
    const first = new ApiClient((await signIn(SESSION_USER.email, SESSION_USER.password)).cookie);
    const second = new ApiClient((await signIn(SESSION_USER.email, SESSION_USER.password)).cookie);
    const stream = await openStream(second, otherDocumentId());
    const ended = waitForEvent(stream, 'reload');
    expectError(await first.post('/api/account/password', { currentPassword: 'falsch', newPassword: 'ein-ganz-neues-passwort' }), 400, 'invalid:password');
    expectError(await first.post('/api/account/password', { currentPassword: SESSION_USER.password, newPassword: 'kurz' }), 400, 'invalid:body');
    expect((await second.get('/api/documents')).status).toBe(200);
    const before = Date.now();
    await ok(await first.post('/api/account/password', { currentPassword: SESSION_USER.password, newPassword: 'ein-ganz-neues-passwort' }));
    expect((await ended).at - before).toBeLessThan(2000);
    expectError(await second.get('/api/documents'), 401, 'unauthenticated');
    expect((await first.get('/api/documents')).status).toBe(200);
    expect((await signIn(SESSION_USER.email, SESSION_USER.password)).error).toBe('CredentialsSignin');
    expect((await signIn(SESSION_USER.email, 'ein-ganz-neues-passwort')).cookie).toBeDefined();
    // Back to the fixture's password for the tests after this one.
    await ok(await first.post('/api/account/password', { currentPassword: 'ein-ganz-neues-passwort', newPassword: SESSION_USER.password }));
  });

  it('removal from the workspace and a role change end open streams within 2 s and apply to the next request', async () => {
    const olga = await ApiClient.as(OTHER_USER.email, OTHER_USER.password);
    const rhea = new ApiClient((await signIn(REMOVED_USER.email, REMOVED_USER.password)).cookie);
    const sam = new ApiClient((await signIn(SESSION_USER.email, SESSION_USER.password)).cookie);
    const members = (await olga.get('/api/members')).body.members as { id: string; email: string }[];
    const id = (email: string) => members.find((m) => m.email === email)!.id;
    const [rheaStream, samStream] = await Promise.all([openStream(rhea, otherDocumentId()), openStream(sam, otherDocumentId())]);
    const rheaEnded = waitForEvent(rheaStream, 'reload');
    const samEnded = waitForEvent(samStream, 'reload');
    const before = Date.now();
    expect((await olga.delete(`/api/members/${id(REMOVED_USER.email)}`)).status).toBe(204);
    await ok(await olga.patch(`/api/members/${id(SESSION_USER.email)}`, { role: 'viewer' }));
    const [r, s] = await Promise.all([rheaEnded, samEnded]);
    expect(r.data).toEqual({ reason: 'removed' });
    expect(s.data).toEqual({ reason: 'role-changed' });
    expect(Math.max(r.at, s.at) - before).toBeLessThan(2000);
    expectError(await rhea.get(`/api/documents/${otherDocumentId()}`), 404, 'not_found');
    expectError(await sam.post(`/api/documents/${otherDocumentId()}/claims`, { from: 1, to: 5, version: 0 }), 403, 'forbidden');
    await ok(await olga.patch(`/api/members/${id(SESSION_USER.email)}`, { role: 'reviewer' }));
  });
});

describe('an admin can reset a forgotten password', () => {
  it('gives a one-time password that must be replaced before anything else; the old sessions and password end', async () => {
    const olga = await ApiClient.as(OTHER_USER.email, OTHER_USER.password);
    const before = new ApiClient((await signIn(RATE_LIMIT_USER.email, RATE_LIMIT_USER.password)).cookie);
    const members = (await olga.get('/api/members')).body.members as { id: string; email: string }[];
    const rolf = members.find((m) => m.email === RATE_LIMIT_USER.email)!.id;
    // Only admins, never for oneself, never an unknown or foreign member.
    expectError(await before.post(`/api/members/${rolf}/password`), 403, 'forbidden');
    expectError(await olga.post(`/api/members/${members.find((m) => m.email === OTHER_USER.email)!.id}/password`), 400, 'invalid:body');
    expectError(await olga.post('/api/members/nobody/password'), 404, 'not_found');
    const { password } = await ok(await olga.post(`/api/members/${rolf}/password`));
    expect(password).toMatch(/^.{16,}$/);
    expectError(await before.get('/api/documents'), 401, 'unauthenticated');
    expect((await signIn(RATE_LIMIT_USER.email, RATE_LIMIT_USER.password)).error).toBe('CredentialsSignin');
    const rolfNow = new ApiClient((await signIn(RATE_LIMIT_USER.email, password)).cookie);
    expectError(await rolfNow.get('/api/documents'), 403, 'forbidden:password_change_required');
    // Pages lead to the Change password page.
    const page = await fetch(`${baseUrl()}/documents`, { headers: { Cookie: rolfNow.cookie! }, redirect: 'manual' });
    expect(page.headers.get('location')).toContain('/account/password');
    await ok(await rolfNow.post('/api/account/password', { currentPassword: password, newPassword: RATE_LIMIT_USER.password }));
    expect((await rolfNow.get('/api/documents')).status).toBe(200);
  });

  it('is refused for someone who also belongs to a workspace the admin does not run', async () => {
    const engine = await openTestEngine(inject('database'));
    const sam = (await getUserByEmail(SESSION_USER.email, engine.db))!;
    const demo = (await getWorkspaceByName('Demo desk', engine.db))!;
    await engine.transaction((tx) => upsertMembership({ userId: sam.id, workspaceId: demo.id, role: 'viewer' }, tx));
    try {
      const admin = await ApiClient.as('admin@factdesk.test');
      expectError(await admin.post(`/api/members/${sam.id}/password`), 403, 'forbidden');
      expect((await signIn(SESSION_USER.email, SESSION_USER.password)).cookie).toBeDefined();
    } finally {
      await engine.transaction((tx) => deleteMembership(sam.id, demo.id, tx));
      await engine.close();
    }
  });
});
