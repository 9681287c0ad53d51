/** Which notifications go out by e-mail now: taken (marked) once, whichever server process asks. */
import { getEngine, lockJob, writeTransaction, type Engine } from '@/db';
import { skipNotificationsForMail, takeNotificationsForMail } from '@/db/queries/notifications';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Takes the notifications due for e-mail (marks them taken) in one transaction. Every server
 * process runs the mailer: on PostgreSQL they take turns (`lockJob`), so each notification is
 * taken by one of them only.
 */
export async function takeDueMail(now: Date, engine: Engine = getEngine()) {
  return writeTransaction(async (tx) => {
    await lockJob(tx, 'mailer');
    await skipNotificationsForMail(now, tx);
    return {
      instant: await takeNotificationsForMail('instant', now, now, tx),
      daily: await takeNotificationsForMail('daily', now, new Date(now.getTime() - DAY_MS), tx),
    };
  }, engine);
}
