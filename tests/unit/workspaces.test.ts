/** Which workspace a new document goes to, and whose membership a request acts with. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '@/db';
import { seedDemo } from '@/db/seed';
import { getUserByEmail, getWorkspaceByName, insertUser } from '@/db/queries/users';
import { workspaceFor } from '@/lib/api/guards';
import { pickMembership } from '@/lib/workspaces';

let memberId: string;
let loneId: string;
let deskId: string;

beforeAll(async () => {
  await seedDemo(getEngine());
  memberId = (await getUserByEmail('reviewer@factdesk.test'))!.id;
  deskId = (await getWorkspaceByName('Demo desk'))!.id;
  loneId = (await getEngine().transaction((tx) => insertUser({ email: 'lone@factdesk.test', name: 'Lone Reader', passwordHash: 'x' }, tx))).id;
});

describe('workspaces', () => {
  it('puts a new document in the named workspace, else in the first one of the user; a foreign one is unknown', async () => {
    expect(await workspaceFor(memberId, undefined, 'document:create')).toMatchObject({ workspaceId: deskId, role: 'reviewer' });
    expect((await workspaceFor(memberId, deskId, 'document:create')).workspaceId).toBe(deskId);
    await expect(workspaceFor(memberId, 'named-by-the-client', 'document:create')).rejects.toMatchObject({ status: 404 });
    await expect(workspaceFor(memberId, deskId, 'member:manage')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses with 400 and says what to do when the user belongs to no workspace', async () => {
    let error: unknown = null;
    try {
      await workspaceFor(loneId, undefined, 'document:create');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400, code: 'invalid:body', message: expect.stringContaining('Ask an admin') });
  });

  it('finds the membership of a named workspace only if the user has it', async () => {
    expect(await pickMembership(memberId, deskId)).toMatchObject({ workspaceId: deskId, role: 'reviewer' });
    expect(await pickMembership(memberId, 'another')).toBeUndefined();
    expect(await pickMembership(loneId)).toBeUndefined();
  });
});
