/** next-auth configuration: email + password, JWT cookies naming revocable server-side sessions, our own login page. */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { insertSession, revokeSession } from '@/db/queries/sessions';
import { clientAddressOf } from './client-address';
import { checkSignIn } from './sign-in';
import { writeTransaction } from '@/db';

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
});

/** How long a session lasts, in seconds: FACTDESK_SESSION_HOURS (default 14 days), from sign-in. */
export function sessionLifetimeSeconds(): number {
  const hours = Number(process.env.FACTDESK_SESSION_HOURS);
  return Math.round((hours > 0 ? hours : 14 * 24) * 3600);
}

/** The address users reach Factdesk at (FACTDESK_PUBLIC_URL, else NEXTAUTH_URL), if configured. */
export function publicUrl(): string {
  return process.env.FACTDESK_PUBLIC_URL || process.env.NEXTAUTH_URL || '';
}

/** The next-auth options shared by the auth route and every session check. */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: sessionLifetimeSeconds() },
  // Cookies are Secure (and __Secure- prefixed) when users reach Factdesk over https.
  useSecureCookies: publicUrl().startsWith('https://'),
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        return checkSignIn(parsed.data.email, parsed.data.password, clientAddressOf(req?.headers));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Signing in starts a session row: the cookie is worth something only while it lives.
        const sid = randomBytes(24).toString('base64url');
        const expiresAt = new Date(Date.now() + sessionLifetimeSeconds() * 1000);
        await writeTransaction((tx) => insertSession({ id: sid, userId: user.id, expiresAt }, tx));
        token.sub = user.id;
        token.sid = sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      if (typeof token.sid === 'string') session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      const sid = token?.sid;
      if (typeof sid === 'string') await writeTransaction((tx) => revokeSession(sid, tx));
    },
  },
};
