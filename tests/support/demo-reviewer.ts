/** Unit tests against the database: seeds the demo desk (once per file) and returns Rita's user and workspace ids. */
import { eq } from 'drizzle-orm';
import { first, getDb, getEngine } from '@/db';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';

export async function demoReviewer(): Promise<{ userId: string; workspaceId: string }> {
  await seedDemo(getEngine());
  const userId = (await getDb().select().from(users).where(eq(users.email, 'reviewer@factdesk.test')).then(first))!.id;
  const workspaceId = (await getDb().query.memberships.findFirst({ where: (m, { eq: e }) => e(m.userId, userId) }))!.workspaceId;
  return { userId, workspaceId };
}
