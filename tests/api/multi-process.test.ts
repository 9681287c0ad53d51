/**
 * Two app processes on one PostgreSQL database (project api-pg only: on SQLite, events and
 * presence stay in their process). Clients connected to different processes see each other's
 * steps, claims, comments, document status, carets and inbox live (LISTEN/NOTIFY); when one
 * process is killed with SIGKILL mid-burst, its clients carry on with the other, everything
 * converges and nothing the dead process acknowledged is lost.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Transform } from 'prosemirror-transform';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { CollabClient, expectConvergedAndStored, settle } from '../support/collab-client';
import { createSeededDatabase, freePort, startNext, stopProcess } from '../support/test-server';
import { ApiClient, ok, type EventReader } from './client';

let dir: string;
let database: string;
const servers: ChildProcess[] = [];
const bases: string[] = [];

beforeAll(async () => {
  ({ dir, database } = await createSeededDatabase({ postgres: inject('pgUrl') }));
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    bases.push(`http://127.0.0.1:${port}`);
    servers.push(await startNext({ port, database }));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => stopProcess(s)));
  fs.rmSync(dir, { recursive: true, force: true });
});

const session = () => crypto.randomUUID().replace(/-/g, '');

async function newDocument(client: ApiClient, content: string) {
  return (await ok(await client.post('/api/documents', { title: 'Two processes', language: 'de', content }))).document as { id: string; version: number };
}

/** Skips events until one satisfies `test` (presence lists arrive after every caret move). */
async function until(reader: EventReader, type: string, test: (data: any) => boolean, timeoutMs = 5000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = await reader.next(type, Math.max(1, deadline - Date.now()));
    if (test(data)) return data;
  }
}

describe('two processes on one PostgreSQL database', () => {
  it('clients on different processes see each other’s steps, claims, comments, status, carets and inbox live', async () => {
    const rita = await ApiClient.as('reviewer@factdesk.test', undefined, bases[0]);
    const ben = await ApiClient.as('reviewer2@factdesk.test', undefined, bases[1]);
    const doc = await newDocument(rita, 'Die MK-41-Startanlagen in Polen können Tomahawk-Marschflugkörper abfeuern.');
    const [ritaSession, benSession] = [session(), session()];
    // Rita's stream on process A, Ben's on process B.
    const ritaEvents = await rita.stream(`/api/documents/${doc.id}/events?version=0&session=${ritaSession}`);
    const benEvents = await ben.stream(`/api/documents/${doc.id}/events?version=0&session=${benSession}`);
    const benInbox = await ben.stream('/api/notifications/stream');
    const unreadBefore = (await benInbox.next('inbox')).unread as number;

    // Each sees the other in the document, with the name and without a caret yet.
    await until(ritaEvents, 'presence', (list) => list.some((p: any) => p.sessionId === benSession && p.name === 'Ben Reviewer'));
    await until(benEvents, 'presence', (list) => list.some((p: any) => p.sessionId === ritaSession && p.name === 'Rita Reviewer'));

    // Ben moves his caret through process A (any process takes it): Rita sees it.
    expect((await ben.at(bases[0]!).post(`/api/documents/${doc.id}/presence`, { session: benSession, anchor: 5, head: 9, version: 0 })).status).toBe(204);
    await until(ritaEvents, 'presence', (list) => list.some((p: any) => p.sessionId === benSession && p.selection?.anchor === 5 && p.selection?.head === 9));
    // Nobody moves someone else's caret, from either process.
    expect((await rita.post(`/api/documents/${doc.id}/presence`, { session: benSession, anchor: 1, head: 1, version: 0 })).status).toBe(409);

    // Rita types on A: Ben's stream on B gets the step.
    const { document } = (await rita.get(`/api/documents/${doc.id}`)).body;
    const tr = new Transform(schema.nodeFromJSON(document.doc)).insert(1, schema.text('Eilmeldung: '));
    await ok(await rita.post(`/api/documents/${doc.id}/steps`, { version: document.version, clientID: 'rita', steps: tr.steps.map((s) => s.toJSON()) }));
    const steps = await until(benEvents, 'steps', (e) => e.version === document.version);
    expect(steps.clientIDs).toEqual(['rita']);
    expect(steps.steps).toEqual(tr.steps.map((s) => s.toJSON()));

    // Ben marks a claim on B: Rita sees it on A, anchored on the words.
    const now = (await ben.get(`/api/documents/${doc.id}`)).body.document;
    const range = findText(schema.nodeFromJSON(now.doc), 'MK-41-Startanlagen in Polen')!;
    const { claim } = await ok(await ben.post(`/api/documents/${doc.id}/claims`, { ...range, version: now.version }));
    const seen = await until(ritaEvents, 'claim', (e) => e.claim.id === claim.id);
    expect(seen.claim.quote.exact).toBe('MK-41-Startanlagen in Polen');
    expect(seen.version).toBe(now.version);

    // Rita mentions Ben in a comment on A: Ben's claim view on B is told to refresh, and his bell rings on B.
    await ok(await rita.post(`/api/claims/${claim.id}/comments`, { body: '@Ben Reviewer bitte die Quelle prüfen.' }));
    await until(benEvents, 'comments', (e) => e.claimId === claim.id);
    await until(benInbox, 'inbox', (s) => s.unread > unreadBefore);

    // Ben deletes the claim on B; Rita submits on A, and Ben sees the new status on B.
    await ok(await ben.delete(`/api/claims/${claim.id}`));
    await until(ritaEvents, 'claim-deleted', (e) => e.id === claim.id);
    await ok(await rita.post(`/api/documents/${doc.id}/transitions`, { action: 'submit' }));
    await until(benEvents, 'document', (e) => e.status === 'in_review');

    // Ben leaves (his stream on B closes): Rita sees him go.
    benEvents.close();
    await until(ritaEvents, 'presence', (list) => !list.some((p: any) => p.sessionId === benSession));
    ritaEvents.close();
    benInbox.close();
  }, 60_000);

  it('commands racing on two processes take turns: one of two approvals wins, a claim edit and a sign-off never both', async () => {
    const [rita, ben, erik] = await Promise.all([
      ApiClient.as('reviewer@factdesk.test', undefined, bases[0]),
      ApiClient.as('reviewer2@factdesk.test', undefined, bases[0]),
      ApiClient.as('editor@factdesk.test', undefined, bases[1]),
    ]);
    /** A document with one claim Rita proposed (verdict, rationale, source). */
    const proposed = async () => {
      const doc = await newDocument(rita, 'Die MK-41-Startanlagen in Polen können Tomahawk-Marschflugkörper abfeuern.');
      const now = (await rita.get(`/api/documents/${doc.id}`)).body.document;
      const { claim } = await ok(await rita.post(`/api/documents/${doc.id}/claims`, { ...findText(schema.nodeFromJSON(now.doc), 'MK-41-Startanlagen in Polen')!, version: now.version }));
      const current = (await ok(await rita.patch(`/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, verdict: 'needs_context', rationale: 'Für SM-3 konfiguriert.' }))).claim;
      await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://www.nato.int/cps/en/natohq/topics_8206.htm' }));
      await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
      return { doc, claim: current as { id: string } };
    };
    for (let round = 0; round < 8; round++) {
      const { claim } = await proposed();
      // Ben on process A and Erik on process B approve at the same moment: one approval.
      const statuses = await Promise.all([ben, erik].map(async (c) => (await c.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' })).status));
      expect(statuses.sort()).toEqual([200, 409]);
      const history = (await ok(await rita.get(`/api/claims/${claim.id}/history`))) as { events: { action: string }[] };
      expect(history.events.filter((e) => e.action === 'claim.approve')).toHaveLength(1);
    }
    for (let round = 0; round < 6; round++) {
      const { doc, claim } = await proposed();
      await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }));
      await ok(await rita.post(`/api/documents/${doc.id}/transitions`, { action: 'submit' }));
      const { claim: approved } = (await rita.get(`/api/claims/${claim.id}`)).body;
      // Rita changes the verdict on process A while Erik signs off on process B.
      const [edit, signoff] = await Promise.all([
        rita.patch(`/api/claims/${claim.id}`, { rowVersion: approved.rowVersion, rationale: 'Neu gefasst.' }),
        erik.post(`/api/documents/${doc.id}/transitions`, { action: 'sign_off' }),
      ]);
      expect([edit.status, signoff.status]).not.toEqual([200, 200]);
      // Whatever won, a signed-off document still verifies.
      if (signoff.status === 200) expect((await ok(await erik.get(`/api/documents/${doc.id}/verify`))).matches).toBe(true);
    }
  }, 120_000);
  it('one process killed with SIGKILL mid-burst: its clients move to the other, everything converges, nothing acknowledged is lost', async () => {
    const users = ['reviewer@factdesk.test', 'reviewer2@factdesk.test', 'editor@factdesk.test', 'admin@factdesk.test'];
    const api = await Promise.all(users.map((u, i) => ApiClient.as(u, undefined, bases[i % 2])));
    const doc = await newDocument(api[0]!, 'Start.');
    const initial = (await api[0]!.get(`/api/documents/${doc.id}`)).body.document;
    // Two clients on each process.
    const clients = api.map((a, i) => new CollabClient(`client-${i}`, a.cookie!, doc.id, initial.doc, initial.version, bases[i % 2]!));
    // A stream on the surviving process hears the dead one's clients while they are there.
    const watcher = await api[0]!.stream(`/api/documents/${doc.id}/events?version=${initial.version}&session=${session()}`);

    let round = 0;
    const edit = async (rounds: number) => {
      for (let n = 0; n < rounds; n++, round++) {
        const r = round;
        await Promise.all(
          clients.map(async (c, i) => {
            c.type(` ${i}.${r}`);
            await c.sync();
          }),
        );
      }
    };
    await edit(6);
    await settle(clients);
    await until(watcher, 'steps', (e) => e.clientIDs.includes('client-1'));
    const inFlight = edit(4);
    await new Promise((r) => setTimeout(r, 40));
    await stopProcess(servers[1]!, 'SIGKILL');
    await inFlight;
    // The dead process's clients reconnect to the living one.
    for (const c of clients) c.base = bases[0]!;
    await edit(4);
    await settle(clients);

    const served = (await api[0]!.get(`/api/documents/${doc.id}`)).body.document as { version: number; doc: unknown };
    await expectConvergedAndStored(clients, served, database, doc.id);
    // Every word every client typed is in the document.
    const text = clients[0]!.state.doc.textContent;
    for (let i = 0; i < clients.length; i++) for (let r = 0; r < round; r++) expect(text).toMatch(new RegExp(` ${i}\\.${r}(?!\\d)`));
    // The watcher on the living process was streamed the whole history too.
    const last = await until(watcher, 'steps', (e) => e.version + e.steps.length === served.version, 10_000);
    expect(last.version + last.steps.length).toBe(served.version);
    watcher.close();
  }, 120_000);

});
