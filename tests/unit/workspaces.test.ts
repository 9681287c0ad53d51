/** Which workspace a new document goes to, and whose membership a request acts with. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { seedDemo } from '@/db/seed';
import { getUserByEmail, getWorkspaceByName, insertUser } from '@/db/queries/users';
import { workspaceFor } from '@/lib/api/guards';
import { pickMembership } from '@/lib/workspaces';

let memberId: string;
let loneId: string;
let deskId: string;

beforeAll(async () => {
  await seedDemo(getDb());
  memberId = getUserByEmail('reviewer@factdesk.test')!.id;
  deskId = getWorkspaceByName('Demo desk')!.id;
  loneId = insertUser({ email: 'lone@factdesk.test', name: 'Lone Reader', passwordHash: 'x' }).id;
});

describe('workspaces', () => {
  it('puts a new document in the named workspace, else in the first one of the user; a foreign one is unknown', () => {
    expect(workspaceFor(memberId, undefined, 'document:create')).toMatchObject({ workspaceId: deskId, role: 'reviewer' });
    expect(workspaceFor(memberId, deskId, 'document:create').workspaceId).toBe(deskId);
    expect(() => workspaceFor(memberId, 'named-by-the-client', 'document:create')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => workspaceFor(memberId, deskId, 'member:manage')).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
  });

  it('refuses with 400 and says what to do when the user belongs to no workspace', () => {
    let error: unknown = null;
    try {
      workspaceFor(loneId, undefined, 'document:create');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400, code: 'invalid:body', message: expect.stringContaining('Ask an admin') });
  });

  it('finds the membership of a named workspace only if the user has it', () => {
    expect(pickMembership(memberId, deskId)).toMatchObject({ workspaceId: deskId, role: 'reviewer' });
    expect(pickMembership(memberId, 'another')).toBeUndefined();
    expect(pickMembership(loneId)).toBeUndefined();
  });
});
