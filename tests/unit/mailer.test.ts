/**
 * Every server process runs the mailer; each notification must go out once, however many
 * processes take due mail at the same time. Runs on SQLite and on PostgreSQL (project unit-pg),
 * against a second process on the same database (tests/support/take-mail.ts).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '@/db';
import { insertDocument } from '@/db/queries/documents';
import { insertEvent } from '@/db/queries/events';
import { insertNotifications } from '@/db/queries/notifications';
import { getUserByEmail, getWorkspaceByName, updateUserSettings } from '@/db/queries/users';
import { seedDemo } from '@/db/seed';
import { textToDoc } from '@/lib/editor/import';
import { takeDueMail } from '@/lib/notifications/due-mail';

let other: ChildProcessWithoutNullStreams;
let answers: AsyncIterator<string>;
let ids: { workspace: string; document: string; rita: string; ben: string };

beforeAll(async () => {
  const engine = getEngine();
  await seedDemo(engine);
  const [workspace, rita, ben] = await Promise.all([getWorkspaceByName('Demo desk'), getUserByEmail('reviewer@factdesk.test'), getUserByEmail('reviewer2@factdesk.test')]);
  const document = await engine.transaction(async (tx) => {
    await updateUserSettings(ben!.id, { emailNotifications: 'instant' }, tx);
    return insertDocument({ workspaceId: workspace!.id, title: 'Post', language: 'de', sourceUrl: null, doc: textToDoc('Text.').toJSON(), userId: rita!.id }, tx);
  });
  ids = { workspace: workspace!.id, document: document.id, rita: rita!.id, ben: ben!.id };
  // A second process on the same database.
  other = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/take-mail.ts'], { env: process.env, stdio: 'pipe' });
  other.stderr.pipe(process.stderr);
  answers = readline.createInterface({ input: other.stdout })[Symbol.asyncIterator]();
  expect((await answers.next()).value).toBe('ready');
}, 30_000);

afterAll(() => {
  other?.stdin.end();
});

/** Asks the other process to take due mail; resolves with the ids it took. */
async function otherTakes(): Promise<number[]> {
  other.stdin.write('go\n');
  return JSON.parse((await answers.next()).value as string) as number[];
}

async function notifyBen(n: number) {
  await getEngine().transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const event = await insertEvent({ workspaceId: ids.workspace, documentId: ids.document, actorId: ids.rita, action: 'comment.added', subjectType: 'document', subjectId: ids.document }, tx);
      await insertNotifications(event.id, [{ userId: ids.ben, kind: 'mention' }], tx);
    }
  });
}

describe('the mailer in two processes', () => {
  it('takes each due notification once, however the two interleave', async () => {
    const taken: number[] = [];
    for (let round = 0; round < 15; round++) {
      await notifyBen(3);
      const now = new Date();
      const [mine, theirs] = await Promise.all([takeDueMail(now), otherTakes()]);
      taken.push(...mine.instant.map((r) => r.id), ...theirs);
      expect(mine.instant.length + theirs.length).toBe(3);
    }
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken).toHaveLength(45);
  });
});
