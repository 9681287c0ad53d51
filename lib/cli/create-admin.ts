/**
 * Creates the first admin of a real deployment (or makes an existing user admin).
 *
 *   npm run create-admin -- --email chief@example.org [--name "Chief Editor"] [--workspace "Newsdesk"] [--organisation "Example News"]
 *
 * The password is read from standard input when it is piped in, otherwise generated and
 * printed once.
 */
import { parseArgs } from 'node:util';
import { loadEnv } from './env-file';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main() {
  loadEnv(false);
  // Imported only now: db/schema picks its tables (SQLite's or PostgreSQL's) from DATABASE_URL
  // when first imported, and DATABASE_URL may come from the .env files loadEnv just read.
  const { getEngine } = await import('@/db');
  const { getUserByEmail, getWorkspaceByName, insertUser, insertWorkspace, upsertMembership } = await import('@/db/queries/users');
  const { generatePassword, hashPassword } = await import('../auth/passwords');
  const { emailAddress, plainText } = await import('../validation');
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string', default: 'Newsdesk' },
      organisation: { type: 'string' },
    },
  });
  const email = emailAddress.safeParse(values.email);
  if (!email.success) throw new Error('give the admin\'s address: npm run create-admin -- --email you@example.org');
  const name = plainText(100).parse(values.name ?? email.data.split('@')[0]);
  const workspaceName = plainText(100).parse(values.workspace);
  const piped = !process.stdin.isTTY ? await readStdin() : '';
  if (piped && piped.length < 12) throw new Error('the password must be at least 12 characters');
  const password = piped || generatePassword();

  // PostgreSQL when DATABASE_URL is a postgres:// address, else the SQLite file at DATABASE_PATH.
  const engine = getEngine();
  await engine.ready;
  const passwordHash = await hashPassword(password);
  await engine.transaction(async (tx) => {
    const workspace =
      await getWorkspaceByName(workspaceName, tx) ?? await insertWorkspace({ name: workspaceName, organisation: values.organisation ?? workspaceName }, tx);
    const user = await getUserByEmail(email.data, tx) ?? await insertUser({ email: email.data, name, passwordHash }, tx);
    await upsertMembership({ userId: user.id, workspaceId: workspace.id, role: 'admin' }, tx);
  });
  await engine.close();
  console.log(`factdesk: ${email.data} is an admin of "${workspaceName}".`);
  if (!piped) console.log(`factdesk: generated password (shown once, store it safely): ${password}`);
}

main().catch((e) => {
  console.error(`factdesk: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
