/** Unit tests against the database: seeds the demo desk (once per file) and returns Rita's user and workspace ids. */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';

export async function demoReviewer(): Promise<{ userId: string; workspaceId: string }> {
  await seedDemo(getDb());
  const userId = getDb().select().from(users).where(eq(users.email, 'reviewer@factdesk.test')).get()!.id;
  const workspaceId = getDb().query.memberships.findFirst({ where: (m, { eq: e }) => e(m.userId, userId) }).sync()!.workspaceId;
  return { userId, workspaceId };
}
