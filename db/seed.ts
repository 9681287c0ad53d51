/**
 * Demo data: the workspace "Demo desk", five users (one per role, password
 * `factdesk-demo`) and the sample article. Never run in production unless FACTDESK_DEMO=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '@/lib/auth/passwords';
import { textToDoc } from '@/lib/editor/import';
import type { Db } from './index';
import { insertEvent } from './queries/events';
import { insertDocument } from './queries/documents';
import { getWorkspaceByName, insertUser, insertWorkspace, upsertMembership } from './queries/users';
import type { Role } from './schema';

/** The published password of every demo user. */
export const DEMO_PASSWORD = 'factdesk-demo';
export const DEMO_WORKSPACE = 'Demo desk';
export const SAMPLE_TITLE = 'NATO und Russland: Streit um Sicherheitsgarantien';
/** The sample article shipped with the app. */
export const SAMPLE_PATH = path.join(process.cwd(), 'db', 'seed-data', 'nato-russland-2021-12-21.de.txt');

/** The demo users, one per role (two reviewers, for four-eyes approval). */
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@factdesk.test', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@factdesk.test', name: 'Erik Editor', role: 'editor' },
  { email: 'reviewer@factdesk.test', name: 'Rita Reviewer', role: 'reviewer' },
  { email: 'reviewer2@factdesk.test', name: 'Ben Reviewer', role: 'reviewer' },
  { email: 'viewer@factdesk.test', name: 'Vera Viewer', role: 'viewer' },
];

/** Seeds the demo into an empty database; does nothing when the demo workspace exists. */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  if (process.env.NODE_ENV === 'production' && process.env.FACTDESK_DEMO !== '1') {
    throw new Error('Refusing to create demo users with published passwords in production. Set FACTDESK_DEMO=1 to allow it.');
  }
  if (getWorkspaceByName(DEMO_WORKSPACE, db)) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const sample = fs.readFileSync(SAMPLE_PATH, 'utf8');
  db.transaction((tx) => {
    const workspace = insertWorkspace({ name: DEMO_WORKSPACE, organisation: 'Factdesk Demo Desk' }, tx);
    const ids = DEMO_USERS.map((u) => {
      const user = insertUser({ email: u.email, name: u.name, passwordHash }, tx);
      upsertMembership({ userId: user.id, workspaceId: workspace.id, role: u.role }, tx);
      return user.id;
    });
    const editorId = ids[1]!;
    const document = insertDocument(
      { workspaceId: workspace.id, title: SAMPLE_TITLE, language: 'de', sourceUrl: null, doc: textToDoc(sample).toJSON(), userId: editorId },
      tx,
    );
    insertEvent(
      {
        workspaceId: workspace.id,
        documentId: document.id,
        actorId: editorId,
        action: 'document.created',
        subjectType: 'document',
        subjectId: document.id,
        after: { title: document.title, language: 'de', format: 'text' },
      },
      tx,
    );
  });
  return { created: true };
}
