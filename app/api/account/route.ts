import { NextResponse } from 'next/server';
import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { EMAIL_MODES } from '@/db/enums';
import { getUserById, updateUserSettings } from '@/db/queries/users';
import { LOCALE_COOKIE, LOCALES, validTimeZone } from '@/lib/i18n/locales';
import { writeTransaction } from '@/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z
  .object({
    locale: z.enum(LOCALES).nullable(),
    timeZone: z
      .string()
      .max(64)
      .nullable()
      .refine((z) => z === null || validTimeZone(z) !== null, 'The time zone is not one we know (e.g. Europe/Berlin).'),
    emailNotifications: z.enum(EMAIL_MODES),
  })
  .partial()
  .strict();

function settingsOf(user: NonNullable<Awaited<ReturnType<typeof getUserById>>>) {
  return { name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone, emailNotifications: user.emailNotifications };
}

/** The caller's settings: interface language (null: the browser's), time zone (null: the browser's), e-mail notifications. */
export const GET = withUser(async ({ user }) => ({ settings: settingsOf((await getUserById(user.id))!) }));

/** Changes the caller's settings; a chosen language is also remembered by this browser. */
export const PATCH = withUser(async ({ req, user }) => {
  const patch = await parseJsonBody(req, schema);
  if (patch.timeZone) patch.timeZone = validTimeZone(patch.timeZone);
  const updated = Object.keys(patch).length ? await writeTransaction((tx) => updateUserSettings(user.id, patch, tx)) : (await getUserById(user.id))!;
  const res = NextResponse.json({ settings: settingsOf(updated) }, { headers: { 'Cache-Control': 'no-store' } });
  if (patch.locale !== undefined) {
    if (patch.locale) res.cookies.set(LOCALE_COOKIE, patch.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
    else res.cookies.delete(LOCALE_COOKIE);
  }
  return res;
});
