/**
 * Sends signed-out visitors of app pages to the login page, remembering where they were
 * going. This only redirects: every page and route handler checks the session itself.
 */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL('/login', request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') login.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the login page, the API (which answers 401 itself) and static files.
  matcher: ['/((?!login|api|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
