/**
 * The trust boundary (issue "A hard trust boundary"): what a signed-off document and an
 * approved claim protect. Each case was a gap found by trying as an attacker would.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAt } from '../support/sign-in';
import { startTestServer, type TestServer } from '../support/test-server';
import { ApiClient, baseUrl, DEMO_PASSWORD, expectError, ok, rangeOf, signIn } from './client';

let rita: ApiClient;
let ben: ApiClient;
let editor: ApiClient;

/** A document with one approved claim on `quote`. */
async function approvedClaim(text: string, quote: string) {
  const { document } = await ok(await rita.post('/api/documents', { title: 'Gesichert', language: 'de', content: text }));
  const { claim } = await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...(await rangeOf(rita, document.id, quote)), verdict: 'false', rationale: 'Falsch.' }));
  await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://example.org/beleg', title: 'Beleg' }));
  await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
  const approved = (await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }))).claim;
  return { documentId: document.id as string, claim: approved };
}

beforeAll(async () => {
  [rita, ben, editor] = await Promise.all(['reviewer', 'reviewer2', 'editor'].map((u) => ApiClient.as(`${u}@factdesk.test`)));
});

describe('the sign-off lock covers everything signed', () => {
  it('refuses changing the title, language or source URL of a signed-off document with 423, and Verify still matches', async () => {
    const { documentId } = await approvedClaim('Der Kreml warnt vor Maßnahmen.', 'warnt vor Maßnahmen');
    await ok(await rita.post(`/api/documents/${documentId}/transitions`, { action: 'submit' }));
    await ok(await editor.post(`/api/documents/${documentId}/transitions`, { action: 'sign_off' }));
    for (const patch of [{ title: 'Umbenannt' }, { language: 'en' }, { sourceUrl: 'https://example.org/anders' }, { byline: 'Jemand' }]) {
      expectError(await rita.patch(`/api/documents/${documentId}`, patch), 423, 'locked');
      expectError(await editor.patch(`/api/documents/${documentId}`, patch), 423, 'locked');
    }
    const { document } = (await rita.get(`/api/documents/${documentId}`)).body;
    expect(document).toMatchObject({ title: 'Gesichert', language: 'de', sourceUrl: null });
    expect((await rita.get(`/api/documents/${documentId}/verify`)).body.matches).toBe(true);
    // The page no longer offers renaming.
    const page = await fetch(`${baseUrl()}/documents/${documentId}`, { headers: { Cookie: editor.cookie! } });
    expect(await page.text()).not.toMatch(/>Rename</);
  });
});

describe('four eyes cannot be sidestepped', () => {
  it('moving an approved claim to other words voids its approval (back to proposed)', async () => {
    const { documentId, claim } = await approvedClaim('Der Kreml warnt vor Maßnahmen. Die NATO antwortet.', 'warnt vor Maßnahmen');
    expect(claim.status).toBe('approved');
    const moved = (await ok(await rita.patch(`/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, ...(await rangeOf(rita, documentId, 'Die NATO antwortet')) }))).claim;
    expect(moved).toMatchObject({ status: 'proposed', approvedBy: null, quote: { exact: 'Die NATO antwortet' } });
    // And Rita, who moved it, cannot approve it herself.
    expectError(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }), 403, 'forbidden:four_eyes');
  });
});

describe('same-origin writes only', () => {
  const memberCount = async () => {
    const { members, invitations } = (await admin.get('/api/members')).body as { members: unknown[]; invitations: unknown[] };
    return members.length + invitations.length;
  };
  let admin: ApiClient;
  beforeAll(async () => {
    admin = await ApiClient.as('admin@factdesk.test');
  });

  it('refuses writes from another origin, without an origin, or from a sibling port, with 403 forbidden:origin, changing nothing', async () => {
    const before = await memberCount();
    const port = Number(new URL(baseUrl()).port);
    const body = JSON.stringify({ email: 'mallory@evil.test', name: 'Mallory', role: 'admin' });
    const variants: Record<string, string>[] = [
      { Origin: 'http://evil.test', 'Content-Type': 'text/plain' },
      { Origin: 'null', 'Content-Type': 'application/json' },
      { Origin: `http://127.0.0.1:${port + 1}`, 'Content-Type': 'application/json' },
      { Origin: '', 'Content-Type': 'application/json' },
      { Origin: '', 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of variants) {
      expectError(await admin.post('/api/members', body, headers), 403, 'forbidden:origin');
    }
    expect(await memberCount()).toBe(before);
    // The same with a form post and a comment: refused.
    const form = new FormData();
    form.set('title', 'x');
    expectError(await admin.post('/api/documents', form, { Origin: 'http://evil.test' }), 403, 'forbidden:origin');
    expectError(await admin.request('DELETE', '/api/comments/x', undefined, { Origin: 'http://evil.test' }), 403, 'forbidden:origin');
  });

  it('accepts the browser’s own same-origin marker, and refuses bodies that are not JSON with 415', async () => {
    const body = JSON.stringify({ email: `sibling-${Date.now()}@factdesk.test`, name: 'Sibling', role: 'viewer' });
    expectError(await admin.post('/api/members', body, { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
    expectError(await admin.post('/api/members', new URLSearchParams({ email: 'x@y.test' }).toString(), { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    const res = await admin.post('/api/members', body, { Origin: '', 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' });
    expect(res.status).toBe(201);
  });
});

describe('exports are safe where they are pasted', () => {
  it('JSON-LD never carries a raw <, > or & (a quote holding </script> stays data), and default statements follow the text rules', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Skript', language: 'de', content: 'Er schrieb: </script><script>alert(1)</script> & mehr\u2028dazu.' }));
    const range = await rangeOf(rita, document.id, '</script><script>alert(1)</script> & mehr');
    const { claim } = await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...range, verdict: 'false', rationale: 'Nein.' }));
    expect(claim.statement).not.toMatch(/<[a-z/]/i);
    for (const format of ['claimreview', 'w3c']) {
      const res = await fetch(`${baseUrl()}/api/documents/${document.id}/export?format=${format}`, { headers: { Cookie: rita.cookie! } });
      const raw = await res.text();
      expect(raw).not.toMatch(/[<>&\u2028\u2029]/);
      expect(raw).toContain('\\u003c/script\\u003e');
      // Still the same JSON: the escapes read back as the text.
      expect(JSON.stringify(JSON.parse(raw))).toContain('</script><script>alert(1)</script> & mehr');
    }
  });

  it('CSV neutralises formulas behind spaces and in full-width forms', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Tabelle', language: 'de', content: 'Eine Zahl im Text.' }));
    const { claim } = await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...(await rangeOf(rita, document.id, 'Eine Zahl')) }));
    await ok(await rita.patch(`/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, statement: '＝HYPERLINK("https://evil.test")', rationale: '=1+1' }));
    const csv = await (await fetch(`${baseUrl()}/api/documents/${document.id}/export?format=csv`, { headers: { Cookie: rita.cookie! } })).text();
    expect(csv).toContain(`"'＝HYPERLINK(""https://evil.test"")"`);
    expect(csv).toContain(`'=1+1`);
  });
});

describe('imports never speak for others', () => {
  it('writes imported comments as the importing user, naming the original author in the text, each with its audit event', async () => {
    const { documentId, claim } = await approvedClaim('Der Kreml warnt vor Maßnahmen.', 'warnt vor Maßnahmen');
    await ok(await editor.post(`/api/claims/${claim.id}/comments`, { body: 'Geprüft, stimmt so.' }));
    const exported = JSON.parse(await (await fetch(`${baseUrl()}/api/documents/${documentId}/export?format=json`, { headers: { Cookie: rita.cookie! } })).text());
    const { document } = await ok(await rita.post('/api/documents/import', exported));
    const { claims } = (await rita.get(`/api/documents/${document.id}/claims`)).body;
    const { comments } = (await rita.get(`/api/claims/${claims[0].id}/comments`)).body;
    const ritaId = (await rita.get('/api/members')).body.members.find((m: { email: string }) => m.email === 'reviewer@factdesk.test').id;
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ authorId: ritaId, body: 'Erik Editor (imported): Geprüft, stimmt so.' });
    const { events } = (await rita.get(`/api/claims/${claims[0].id}/history`)).body;
    expect(events.filter((e: { action: string; actorId: string }) => e.action === 'comment.added' && e.actorId === ritaId)).toHaveLength(1);
  });
});

describe('presence is bound to the caller’s own open streams', () => {
  it('refuses presence for another user’s session and for sessions without a stream, and adds no entries', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Anwesenheit', language: 'de', content: 'Ein Satz.' }));
    const stream = await fetch(`${baseUrl()}/api/documents/${document.id}/events?version=0&session=rita-own-session`, { headers: { Cookie: rita.cookie!, Accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    // Ben cannot move Rita's caret.
    expectError(await ben.post(`/api/documents/${document.id}/presence`, { session: 'rita-own-session', anchor: 3, head: 3, version: 0 }), 409, 'conflict:state');
    // Nobody can make up sessions (300 fake ones used to grow every presence event).
    for (let i = 0; i < 5; i++) expectError(await ben.post(`/api/documents/${document.id}/presence`, { session: `fake-session-${i}`, anchor: 1, head: 1, version: 0 }), 409, 'conflict:state');
    // Rita moves her own caret.
    expect((await rita.post(`/api/documents/${document.id}/presence`, { session: 'rita-own-session', anchor: 2, head: 4, version: 0 })).status).toBe(204);
    // A second stream sees only Rita, with her caret where she put it.
    const watcher = await fetch(`${baseUrl()}/api/documents/${document.id}/events?version=0&session=ben-watching-session`, { headers: { Cookie: ben.cookie!, Accept: 'text/event-stream' } });
    const reader = watcher.body!.getReader();
    let text = '';
    while (!text.includes('event: presence')) text += new TextDecoder().decode((await reader.read()).value);
    const presence = JSON.parse(/event: presence\ndata: (.*)\n/.exec(text)![1]!);
    expect(presence).toEqual([expect.objectContaining({ name: 'Rita Reviewer', selection: { anchor: 2, head: 4, version: 0 } })]);
    await reader.cancel();
    await stream.body!.cancel();
  });
});

describe('security headers', () => {
  it('pages and API answers forbid framing and type sniffing and limit the referrer', async () => {
    for (const path of ['/login', '/documents', '/api/documents']) {
      const res = await fetch(`${baseUrl()}${path}`, { headers: { Cookie: rita.cookie! }, redirect: 'manual' });
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('pages run only scripts carrying the response’s nonce: a new one each time, no inline scripts without it', async () => {
    const nonces = new Set<string>();
    for (const path of ['/login', '/documents', '/documents', '/admin/members']) {
      const res = await fetch(`${baseUrl()}${path}`, { headers: { Cookie: rita.cookie! } });
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
      expect(scriptSrc, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1]!;
      nonces.add(nonce);
      expect(csp).toContain("object-src 'none'");
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length, path).toBeGreaterThan(0);
      // Every script element the page sends carries this response's nonce.
      for (const attrs of scripts) expect(attrs, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(4);
  });
});

describe('throttling cannot be turned against users (a server with no trusted proxy)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, undefined, { postgres: inject('pgUrl') });
  }, 90_000);
  afterAll(() => server?.stop());

  it('counts the socket address, whatever X-Forwarded-For says: an attacker waits, the users it named do not', async () => {
    const attacker = '127.0.0.2';
    for (let i = 0; i < 50; i++) {
      // Junk forwarded addresses and the real users' emails: neither spreads nor shifts the count.
      const email = i < 8 ? (i % 2 ? 'admin@factdesk.test' : 'editor@factdesk.test') : `guess-${i}@factdesk.test`;
      expect((await signInAt(server.baseUrl, email, `falsch-${i}`, `10.9.${i}.1`, attacker)).error).toBe('CredentialsSignin');
    }
    const refused = await signInAt(server.baseUrl, 'admin@factdesk.test', DEMO_PASSWORD, '10.0.0.99', attacker);
    expect(refused.error).toMatch(/from your network/);
    // From other addresses admin and editor sign in with their passwords at once.
    expect((await signInAt(server.baseUrl, 'admin@factdesk.test', DEMO_PASSWORD, undefined, '127.0.0.3')).cookie).toBeDefined();
    expect((await signInAt(server.baseUrl, 'editor@factdesk.test', DEMO_PASSWORD, attacker, '127.0.0.4')).cookie).toBeDefined();
  }, 90_000);
});

describe('adding a member tells nothing about accounts', () => {
  it('answers the same for an e-mail with an account and one without: the typed name, a one-time password, an invitation', async () => {
    const admin = await ApiClient.as('admin@factdesk.test');
    const existing = await ok(await admin.post('/api/members', { email: 'other@elsewhere.test', name: 'Typed Name', role: 'viewer' }));
    const fresh = await ok(await admin.post('/api/members', { email: `nobody-${Date.now()}@elsewhere.test`, name: 'Typed Name', role: 'viewer' }));
    const shape = (body: { invitation: Record<string, unknown>; initialPassword: string }) => ({
      keys: Object.keys(body).sort(),
      invitation: Object.keys(body.invitation).sort(),
      name: body.invitation.name,
      password: body.initialPassword.length,
    });
    expect(shape(existing)).toEqual(shape(fresh));
    expect(existing.invitation.name).toBe('Typed Name');
    expect(JSON.stringify(existing)).not.toContain('Olga');
    // The existing account keeps its password; the one shown opens nothing.
    expect((await signIn('other@elsewhere.test', existing.initialPassword)).error).toBe('CredentialsSignin');
    expect((await signIn('other@elsewhere.test', 'other-desk-password')).cookie).toBeDefined();
    // The members list shows both as invited with the typed name, until they join.
    const { members, invitations } = (await admin.get('/api/members')).body;
    expect(members.map((m: { email: string }) => m.email)).not.toContain('other@elsewhere.test');
    expect(invitations.filter((i: { name: string }) => i.name === 'Typed Name')).toHaveLength(2);
    // Olga declines; the admin withdraws the other.
    const olga = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
    const mine = (await olga.get('/api/invitations')).body.invitations;
    expect(mine).toEqual([expect.objectContaining({ workspaceName: 'Demo desk', role: 'viewer' })]);
    expect((await olga.request('DELETE', `/api/invitations/${mine[0].id}`)).status).toBe(204);
    expectError(await rita.request('DELETE', `/api/invitations/${fresh.invitation.id}`), 403, 'forbidden');
    expect((await admin.request('DELETE', `/api/invitations/${fresh.invitation.id}`)).status).toBe(204);
    expect((await admin.get('/api/members')).body.invitations.filter((i: { name: string }) => i.name === 'Typed Name')).toHaveLength(0);
  });
});
