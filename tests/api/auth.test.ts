import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_USER, OTHER_USER } from '../support/fixtures';
import { ApiClient, baseUrl, DEMO_PASSWORD, signIn } from './client';

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

  it('locks an email out after 10 failed attempts, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signIn(RATE_LIMIT_USER.email, `wrong-${i}`)).error).toBe('CredentialsSignin');
    }
    const refused = await signIn(RATE_LIMIT_USER.email, RATE_LIMIT_USER.password);
    expect(refused.cookie).toBeUndefined();
    expect(refused.error).toMatch(/Too many failed sign-in attempts/);
    // Other people are not affected.
    expect((await signIn(OTHER_USER.email, OTHER_USER.password)).cookie).toBeDefined();
  });

  it('locks an IP address out after 50 failed attempts with any emails', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 50; i++) {
      expect((await signIn(`guess-${i}@factdesk.test`, 'nope', ip)).error).toBe('CredentialsSignin');
    }
    expect((await signIn('editor@factdesk.test', DEMO_PASSWORD, ip)).error).toMatch(/Too many failed sign-in attempts/);
    expect((await signIn('editor@factdesk.test', DEMO_PASSWORD, '203.0.113.78')).cookie).toBeDefined();
  }, 60_000);
});
