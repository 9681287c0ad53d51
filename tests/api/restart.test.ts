/**
 * The authority survives a crash and a second process: clients keep editing while the
 * server is killed with SIGKILL and restarted, then converge; every step the server
 * acknowledged is in the database; two app processes on one database never both accept the
 * same version. On SQLite (project api) and on PostgreSQL (project api-pg).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { schema } from '@/lib/editor/schema';
import { CollabClient as Client, expectConvergedAndStored, settle } from '../support/collab-client';
import { createSeededDatabase, freePort, startNext, stopProcess } from '../support/test-server';
import { DEMO_PASSWORD, signIn } from './client';

let dir: string;
let database: string;
let port: number;
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  ({ dir, database } = await createSeededDatabase({ postgres: inject('pgUrl') }));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = await startNext({ port, database });
}, 90_000);

afterAll(async () => {
  await stopProcess(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function login(email: string, at = base) {
  const { cookie, error } = await signIn(email, DEMO_PASSWORD, undefined, at);
  if (!cookie) throw new Error(error);
  return cookie;
}

async function newDocument(cookie: string) {
  const res = await fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ title: 'Crash test', language: 'en', content: 'Start.' }),
  });
  return ((await res.json()) as { document: { id: string } }).document.id;
}

describe('restart and second process', () => {
  it('clients keep their edits through a SIGKILL and restart, converge, and nothing acknowledged is lost', async () => {
    const cookies = await Promise.all(['reviewer@factdesk.test', 'reviewer2@factdesk.test', 'editor@factdesk.test'].map((e) => login(e)));
    const documentId = await newDocument(cookies[0]!);
    const initial = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start.' }] }] }).toJSON();
    const clients = cookies.map((c, i) => new Client(`client-${i}`, c, documentId, initial, 0, base));

    const edit = async (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        await Promise.all(
          clients.map(async (c, i) => {
            c.type(` ${i}${r}`);
            await c.sync();
          }),
        );
      }
    };
    await edit(8);
    // Kill the server while requests are in flight.
    const inFlight = edit(3);
    await new Promise((r) => setTimeout(r, 30));
    await stopProcess(server, 'SIGKILL');
    await inFlight;
    for (const c of clients) c.type(' offline');
    server = await startNext({ port, database });
    await edit(5);
    await settle(clients);
    for (const c of clients) await c.sync();

    // The restarted server rebuilds the document from its snapshot and the stored steps.
    const served = await fetch(`${base}/api/documents/${documentId}`, { headers: { Cookie: cookies[0]! } });
    const stored = ((await served.json()) as { document: { version: number; doc: unknown } }).document;
    await expectConvergedAndStored(clients, stored, database, documentId);
    for (const c of clients) expect(c.state.doc.textContent).toContain(' offline');
  }, 120_000);

  it('two app processes on one database never both accept the same version', async () => {
    const port2 = await freePort();
    const base2 = `http://127.0.0.1:${port2}`;
    const second = await startNext({ port: port2, database });
    try {
      const [a, b] = await Promise.all([login('reviewer@factdesk.test'), login('reviewer2@factdesk.test', base2)]);
      const documentId = await newDocument(a);
      for (let round = 0; round < 10; round++) {
        const res = await fetch(`${base}/api/documents/${documentId}`, { headers: { Cookie: a } });
        const { version } = ((await res.json()) as { document: { version: number } }).document;
        const post = (url: string, cookie: string, text: string) =>
          fetch(`${url}/api/documents/${documentId}/steps`, {
            method: 'POST',
            headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: url },
            body: JSON.stringify({ version, clientID: text, steps: [{ stepType: 'replace', from: 1, to: 1, slice: { content: [{ type: 'text', text }] } }] }),
          }).then((r) => r.status);
        const statuses = await Promise.all([post(base, a, 'A'), post(base2, b, 'B')]);
        expect(statuses.sort()).toEqual([200, 409]);
      }
      // Both processes serve the same, complete history.
      const [h1, h2] = await Promise.all(
        [
          [base, a],
          [base2, b],
        ].map(async ([url, cookie]) => (await (await fetch(`${url}/api/documents/${documentId}/steps?since=0`, { headers: { Cookie: cookie! } })).json()) as { version: number }),
      );
      expect(h1!.version).toBe(10);
      expect(h2).toEqual(h1);
    } finally {
      await stopProcess(second);
    }
  }, 120_000);
});
