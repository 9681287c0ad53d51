/**
 * Notifications over HTTP: who is told about what (mentions, assignments, proposals to approve,
 * requested changes, sign-offs), never about their own actions; the inbox API and its live
 * stream; and e-mail through a real SMTP server (global-setup), at once, as a daily digest or not at all.
 */
import { getUserByEmail } from '@/db/queries/users';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { readMails } from '../support/mail-sink';
import { openTestEngine } from '../support/test-server';
import { ApiClient, baseUrl, expectError } from './client';

const TEXT = 'Die NATO will weiter reden.\nIn Polen stehen MK-41-Startanlagen.';
let admin: ApiClient, editor: ApiClient, rita: ApiClient, ben: ApiClient, viewer: ApiClient;
let ids: Record<string, string>;

async function ok(res: { status: number; body: any }) {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function newDocument(title: string) {
  return (await ok(await rita.post('/api/documents', { title, language: 'de', content: TEXT }))).document.id as string;
}
async function newClaim(docId: string, extra: Record<string, unknown> = {}) {
  const { document } = (await rita.get(`/api/documents/${docId}`)).body;
  const range = findText(schema.nodeFromJSON(document.doc), 'MK-41-Startanlagen')!;
  return (await ok(await rita.post(`/api/documents/${docId}/claims`, { ...range, version: document.version, ...extra }))).claim as { id: string; rowVersion: number };
}
const inbox = async (c: ApiClient) => (await ok(await c.get('/api/notifications'))) as { notifications: any[]; unread: number };
const mailsTo = (address: string) => readMails(inject('mailDir')).filter((m) => m.to === address);
async function waitFor<T>(fn: () => T | undefined | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  [admin, editor, rita, ben, viewer] = await Promise.all(['admin', 'editor', 'reviewer', 'reviewer2', 'viewer'].map((u) => ApiClient.as(`${u}@factdesk.test`)));
  ids = Object.fromEntries((await admin.get('/api/members')).body.members.map((m: { email: string; id: string }) => [m.email.split('@')[0], m.id]));
});

describe('who is notified', () => {
  it('tells the assignee, the mentioned, the approvers, the proposer and everyone who worked on a signed-off document — never the actor', async () => {
    const docId = await newDocument('Benachrichtigungen');
    // Other test files notify the same people meanwhile: look at this document's notifications only.
    const about = async (c: ApiClient) => (await inbox(c)).notifications.filter((n) => n.document?.id === docId);
    const latest = async (c: ApiClient) => (await about(c))[0];

    // Rita marks a claim for Ben: Ben is told, Rita is not.
    const claim = await newClaim(docId, { assigneeId: ids.reviewer2 });
    expect(await latest(ben)).toMatchObject({ kind: 'assignment', read: false, actorName: 'Rita Reviewer', document: { id: docId, title: 'Benachrichtigungen' }, claim: { id: claim.id }, url: `/documents/${docId}?claim=${claim.id}` });
    expect((await latest(ben)).text).toBe('Rita Reviewer assigned you the claim “MK-41-Startanlagen” in Benachrichtigungen');
    expect(await about(rita)).toEqual([]);

    // Rita mentions Ben in a comment; editing it without a new mention tells nobody again.
    const comment = (await ok(await rita.post(`/api/claims/${claim.id}/comments`, { body: '@Ben Reviewer bitte die Quelle prüfen.' }))).comment;
    expect(await latest(ben)).toMatchObject({ kind: 'mention', actorName: 'Rita Reviewer' });
    await ok(await rita.patch(`/api/comments/${comment.id}`, { body: '@Ben Reviewer bitte die Quelle prüfen, danke.' }));
    expect((await about(ben)).map((n) => n.kind)).toEqual(['mention', 'assignment']);

    // Rita proposes: Ben, who worked on the document (he comments), is asked to approve.
    await ok(await ben.post(`/api/claims/${claim.id}/comments`, { body: 'Mache ich.' }));
    const { claim: current } = (await rita.get(`/api/claims/${claim.id}`)).body;
    await ok(await rita.patch(`/api/claims/${claim.id}`, { rowVersion: current.rowVersion, verdict: 'needs_context', rationale: 'Für SM-3 konfiguriert.' }));
    await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://www.nato.int/cps/en/natohq/topics_8206.htm' }));
    await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
    expect(await latest(ben)).toMatchObject({ kind: 'review_request' });
    expect((await latest(ben)).text).toMatch(/^Rita Reviewer proposed a verdict on “MK-41-Startanlagen” for your approval/);

    // Ben sends it back: Rita (the proposer) is told.
    await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'request_changes', comment: 'Bitte neuere Quelle.' }));
    expect(await latest(rita)).toMatchObject({ kind: 'changes_requested', actorName: 'Ben Reviewer' });

    // Proposed again, approved, submitted, signed off: Rita and Ben hear of the sign-off; the editor (who did it) and the viewer (who did nothing) do not.
    await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
    await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }));
    await ok(await rita.post(`/api/documents/${docId}/transitions`, { action: 'submit' }));
    await ok(await editor.post(`/api/documents/${docId}/transitions`, { action: 'sign_off' }));
    expect(await latest(rita)).toMatchObject({ kind: 'signed_off', text: 'Erik Editor signed off Benachrichtigungen', url: `/documents/${docId}` });
    expect((await about(ben)).map((n) => n.kind)).toEqual(['signed_off', 'review_request', 'review_request', 'mention', 'assignment']);
    expect((await about(rita)).map((n) => n.kind)).toEqual(['signed_off', 'changes_requested']);
    expect(await about(editor)).toEqual([]);
    expect(await about(viewer)).toEqual([]);
  });
});

describe('the inbox API', () => {
  it('counts unread, marks read only the caller’s own, and refuses bad input with 4xx', async () => {
    const docId = await newDocument('Gelesen');
    await newClaim(docId, { assigneeId: ids.reviewer2 });
    const start = await inbox(ben);
    expect(start.unread).toBeGreaterThan(0);
    const [first] = start.notifications;
    // (Other test files may notify Ben meanwhile: counts are compared by notification, not in total.)
    const byId = async (id: number) => (await inbox(ben)).notifications.find((n) => n.id === id);
    // Rita cannot mark Ben's notification read.
    expect((await ok(await rita.post('/api/notifications/read', { ids: [first.id] }))).marked).toBe(0);
    expect(await byId(first.id)).toMatchObject({ read: false });
    const marked = await ok(await ben.post('/api/notifications/read', { ids: [first.id] }));
    expect(marked.marked).toBe(1);
    expect(await byId(first.id)).toMatchObject({ read: true });
    // Marking it again changes nothing.
    expect((await ok(await ben.post('/api/notifications/read', { ids: [first.id] }))).marked).toBe(0);

    expectError(await ben.post('/api/notifications/read', { ids: 'all' }), 400, 'invalid:body');
    expectError(await ben.post('/api/notifications/read', '{"ids": [', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await ben.get('/api/notifications?limit=0'), 400, 'invalid:query');
    expectError(await new ApiClient().get('/api/notifications'), 401, 'unauthenticated');
    expectError(await new ApiClient().post('/api/notifications/read', { all: true }), 401, 'unauthenticated');

    const before = (await inbox(ben)).notifications;
    await ok(await ben.post('/api/notifications/read', { all: true }));
    const after = (await inbox(ben)).notifications;
    for (const n of before) expect(after.find((m) => m.id === n.id), String(n.id)).toMatchObject({ read: true });
  });

  it('streams the unread count live', async () => {
    const controller = new AbortController();
    const res = await fetch(`${baseUrl()}/api/notifications/stream`, { headers: { Cookie: ben.cookie! }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextInbox = async () => {
      for (;;) {
        const match = /event: inbox\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as { unread: number; latest: number };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    const first = await nextInbox();
    const docId = await newDocument('Live');
    await newClaim(docId, { assigneeId: ids.reviewer2 });
    // The stream announces it (perhaps after notifications other test files caused meanwhile).
    let second = await nextInbox();
    while (!(await inbox(ben)).notifications.some((n) => n.id <= second.latest && n.document?.id === docId)) second = await nextInbox();
    expect(second.latest).toBeGreaterThan(first.latest);
    expect(second.unread).toBeGreaterThan(0);
    controller.abort();
  });

  it('speaks the reader’s language', async () => {
    await ok(await ben.patch('/api/account', { locale: 'de' }));
    try {
      const docId = await newDocument('Sprache');
      await newClaim(docId, { assigneeId: ids.reviewer2 });
      const res = await ben.request('GET', '/api/notifications', undefined, { 'Accept-Language': 'en' });
      expect(res.body.notifications[0].text).toBe('Rita Reviewer hat dir die Behauptung „MK-41-Startanlagen“ in Sprache zugewiesen');
    } finally {
      await ok(await ben.patch('/api/account', { locale: null }));
    }
  });
});

describe('e-mail', () => {
  it('mails each notification at once by default, in the recipient’s language, with a link', async () => {
    const docId = await newDocument('Post');
    const claim = await newClaim(docId, { assigneeId: ids.reviewer2 });
    const mail = await waitFor(() => mailsTo('reviewer2@factdesk.test').find((m) => m.body.includes(`/documents/${docId}?claim=${claim.id}`)));
    expect(mail.subject).toMatch(/^Factdesk: /);
    expect(mail.body).toContain('Rita Reviewer assigned you the claim “MK-41-Startanlagen” in Post');
    expect(mail.body).toContain('Hello Ben Reviewer,');
  });

  it('sends nothing to those who turned e-mail off, and one summary a day to those who chose the digest', async () => {
    await ok(await ben.patch('/api/account', { emailNotifications: 'off' }));
    await ok(await admin.patch('/api/account', { emailNotifications: 'daily', locale: 'de' }));
    try {
      const benBefore = mailsTo('reviewer2@factdesk.test').length;
      const adminBefore = mailsTo('admin@factdesk.test').length;
      const docId = await newDocument('Zusammenfassung');
      const claim = await newClaim(docId, { assigneeId: ids.admin });
      await ok(await rita.post(`/api/claims/${claim.id}/comments`, { body: '@Ben Reviewer und @Ada Admin, bitte ansehen.' }));
      const digest = await waitFor(() => mailsTo('admin@factdesk.test')[adminBefore]);
      expect(digest.subject).toMatch(/^Factdesk: deine tägliche Zusammenfassung \(\d+\)$/);
      expect(digest.body).toContain('Zusammenfassung');
      const engine = await openTestEngine(inject('database'));
      expect((await getUserByEmail('admin@factdesk.test', engine.db))!.digestSentAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
      await engine.close();
      // Another notification the same day waits for tomorrow's digest; Ben gets nothing at all.
      await ok(await rita.post(`/api/claims/${claim.id}/comments`, { body: '@Ada Admin noch etwas.' }));
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailsTo('admin@factdesk.test').length).toBe(adminBefore + 1);
      expect(mailsTo('reviewer2@factdesk.test').length).toBe(benBefore);
      expect((await inbox(ben)).notifications[0]).toMatchObject({ kind: 'mention', document: { id: docId } });
    } finally {
      await ok(await ben.patch('/api/account', { emailNotifications: 'instant' }));
      await ok(await admin.patch('/api/account', { emailNotifications: 'instant', locale: null }));
    }
  });

  it('keeps settings valid', async () => {
    expectError(await ben.patch('/api/account', { emailNotifications: 'hourly' }), 400, 'invalid:body');
    expectError(await ben.patch('/api/account', { timeZone: 'Mars/Olympus' }), 400, 'invalid:body');
    expectError(await ben.patch('/api/account', { locale: 'fr' }), 400, 'invalid:body');
    expect((await ok(await ben.patch('/api/account', { timeZone: 'Europe/Berlin' }))).settings.timeZone).toBe('Europe/Berlin');
    expect((await ok(await ben.patch('/api/account', { timeZone: null }))).settings.timeZone).toBe(null);
  });
});
