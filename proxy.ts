/**
 * Runs before every page and API request:
 *
 * - a Content-Security-Policy with a fresh nonce per request: scripts run only from this
 *   origin and with the nonce (Next.js puts it on its own scripts), never inline without
 *   it; no framing by other sites, no plugins, forms and <base> only to this origin;
 * - signed-out visitors of app pages go to the login page, remembering where they were
 *   going. This only redirects: every page and route handler checks the session itself.
 */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

/** The policy for a response, with its script nonce. */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced scripts load Next.js's chunks; eval only for the dev server's fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Style attributes (highlight colours, positions) need inline styles; they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Articles' figures show images from their original sites.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Paths that need no session: sign-in, published reports, and the API (which answers 401 itself). */
const PUBLIC = /^\/(login|r|api)(\/|$)/;

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;
  let response: NextResponse;
  if (!PUBLIC.test(pathname) && !(await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }))) {
    const login = new URL('/login', request.url);
    const target = pathname + search;
    if (target !== '/') login.searchParams.set('callbackUrl', target);
    response = NextResponse.redirect(login);
  } else {
    // Next.js reads the nonce from the request's policy and sets it on the scripts it renders.
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but static files.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
