/**
 * A second process taking due mail, for tests/unit/mailer.test.ts: on each line "go" from
 * standard input it takes what is due (on the database DATABASE_URL or DATABASE_PATH names)
 * and prints the ids it took as one JSON line.
 */
import readline from 'node:readline';
import { getEngine } from '@/db';
import { takeDueMail } from '@/lib/notifications/due-mail';

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line !== 'go') return;
  takeDueMail(new Date())
    .then(({ instant, daily }) => process.stdout.write(`${JSON.stringify([...instant, ...daily].map((r) => r.id))}\n`))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
});
lines.on('close', () => void getEngine().close());
process.stdout.write('ready\n');
