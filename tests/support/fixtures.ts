/**
 * Test data beyond the demo: a second workspace with its own member and document, so that
 * every endpoint can be checked against ids of another workspace.
 */
import type { Engine } from '@/db';
import { insertDocument } from '@/db/queries/documents';
import { insertUser, insertWorkspace, upsertMembership } from '@/db/queries/users';
import { hashPassword } from '@/lib/auth/passwords';
import { textToDoc } from '@/lib/editor/import';

export const OTHER_USER = { email: 'other@elsewhere.test', password: 'other-desk-password' };
/** A member used only by the rate-limit test, so locking it out disturbs nobody else. */
export const RATE_LIMIT_USER = { email: 'ratelimit@elsewhere.test', password: 'rate-limit-password' };
/** Members of "Other desk" whose sessions the session tests end (a reviewer and a viewer). */
export const SESSION_USER = { email: 'session@elsewhere.test', password: 'session-desk-password' };
export const REMOVED_USER = { email: 'removed@elsewhere.test', password: 'removed-desk-password' };
export const OTHER_DOCUMENT_TITLE = 'Another desk’s article';

/** Adds "Other desk" with one admin and one document; returns their ids. */
export async function seedOtherWorkspace(engine: Engine) {
  const passwordHash = await hashPassword(OTHER_USER.password);
  const rateLimitHash = await hashPassword(RATE_LIMIT_USER.password);
  const sessionHash = await hashPassword(SESSION_USER.password);
  const removedHash = await hashPassword(REMOVED_USER.password);
  return engine.transaction(async (tx) => {
    const workspace = await insertWorkspace({ name: 'Other desk', organisation: 'Elsewhere Media' }, tx);
    const user = await insertUser({ email: OTHER_USER.email, name: 'Olga Other', passwordHash }, tx);
    await upsertMembership({ userId: user.id, workspaceId: workspace.id, role: 'admin' }, tx);
    const limited = await insertUser({ email: RATE_LIMIT_USER.email, name: 'Rolf Ratelimit', passwordHash: rateLimitHash }, tx);
    await upsertMembership({ userId: limited.id, workspaceId: workspace.id, role: 'viewer' }, tx);
    const sessionUser = await insertUser({ email: SESSION_USER.email, name: 'Sam Session', passwordHash: sessionHash }, tx);
    await upsertMembership({ userId: sessionUser.id, workspaceId: workspace.id, role: 'reviewer' }, tx);
    const removed = await insertUser({ email: REMOVED_USER.email, name: 'Rhea Removed', passwordHash: removedHash }, tx);
    await upsertMembership({ userId: removed.id, workspaceId: workspace.id, role: 'viewer' }, tx);
    const document = await insertDocument(
      { workspaceId: workspace.id, title: OTHER_DOCUMENT_TITLE, language: 'en', sourceUrl: null, doc: textToDoc('Secret text of another desk.').toJSON(), userId: user.id },
      tx,
    );
    return { workspaceId: workspace.id, userId: user.id, documentId: document.id };
  });
}

/** "Correction desk": a new workspace (reviewers may only suggest, four eyes on), for the suggestion tests. */
export const CORRECTION_DESK = {
  password: 'correction-desk-password',
  users: [
    { email: 'cora@corrections.test', name: 'Cora Admin', role: 'admin' },
    { email: 'ed@corrections.test', name: 'Ed Editor', role: 'editor' },
    { email: 'rhea@corrections.test', name: 'Rhea Reviewer', role: 'reviewer' },
    { email: 'rolf@corrections.test', name: 'Rolf Reviewer', role: 'reviewer' },
    { email: 'vic@corrections.test', name: 'Vic Viewer', role: 'viewer' },
  ] as const,
};

export async function seedCorrectionDesk(engine: Engine) {
  const passwordHash = await hashPassword(CORRECTION_DESK.password);
  return engine.transaction(async (tx) => {
    const workspace = await insertWorkspace({ name: 'Correction desk', organisation: 'Corrections Weekly' }, tx);
    for (const u of CORRECTION_DESK.users) {
      const user = await insertUser({ email: u.email, name: u.name, passwordHash }, tx);
      await upsertMembership({ userId: user.id, workspaceId: workspace.id, role: u.role }, tx);
    }
    return workspace.id;
  });
}
