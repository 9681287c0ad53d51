/**
 * The guard every route handler goes through: it checks the session, parses the body and
 * query with zod, and turns thrown errors into `{error: {code, message}}` responses.
 * Handlers stay a few lines: parse → authorize → call lib/ → respond.
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { z, type ZodType } from 'zod';
import { getSessionUser, type SessionUser } from '../auth/session';
import { AppError } from '../errors';

/** Largest JSON body we read, in bytes. Documents may be up to 2 M characters of text. */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;

/** What a guarded handler receives. */
export interface HandlerContext<P> {
  req: Request;
  user: SessionUser;
  params: P;
}

type RouteArgs = { params: Promise<Record<string, string | string[]>> };

/** An error response in the shape every route uses. */
export function errorResponse(status: number, code: string, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...details } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Wraps a handler with the session check and error handling. A user whose password an
 * admin reset may only change it (`passwordChange: true` marks the route that does).
 */
export function withUser<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: HandlerContext<P>) => Promise<Response | object> | Response | object,
  options: { passwordChange?: boolean } = {},
) {
  return async (req: Request, args: RouteArgs): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const user = await getSessionUser();
      if (!user) return errorResponse(401, 'unauthenticated', 'Sign in to continue.');
      if (user.mustChangePassword && !options.passwordChange) {
        return errorResponse(403, 'forbidden:password_change_required', 'Your password was reset: choose a new one first (Change password).');
      }
      const params = ((await args?.params) ?? {}) as P;
      const result = await handler({ req, user, params });
      return result instanceof Response ? result : NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      return toErrorResponse(e);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins a write may come from: the app's public address and the address it was reached at. */
function allowedOrigins(req: Request): Set<string> {
  const origins = new Set([new URL(req.url).origin]);
  for (const configured of [process.env.FACTDESK_PUBLIC_URL, process.env.NEXTAUTH_URL]) {
    if (!configured) continue;
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // not a URL: ignored (the start-up check reports it)
    }
  }
  return origins;
}

/**
 * Writes only from the app's own pages: a request that changes anything must name this
 * origin in `Origin`, or be marked `Sec-Fetch-Site: same-origin` by the browser. Other sites
 * cannot act for a signed-in user, whatever the cookie's SameSite does (403 `forbidden:origin`).
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (origin) {
    if (allowedOrigins(req).has(origin)) return;
  } else if (req.headers.get('sec-fetch-site') === 'same-origin') {
    return;
  }
  throw new AppError(403, 'forbidden:origin', 'This request did not come from a Factdesk page, so it was refused. Reload the page and try again.');
}

/** Maps a thrown value to an error response; unknown errors are logged and hidden. */
export function toErrorResponse(e: unknown): Response {
  if (e instanceof AppError) return errorResponse(e.status, e.code, e.message, e.details);
  if (e instanceof z.ZodError) return errorResponse(400, 'invalid:body', describeZodError(e));
  console.error('[factdesk] unexpected error', e);
  return errorResponse(500, 'internal', 'Something went wrong on our side. Your change was not saved; try again.');
}

/** A field's name as people say it: `sourceUrl` → "source URL", `url` → "URL". */
function fieldName(path: readonly PropertyKey[]): string {
  const words = path
    .filter((p) => typeof p === 'string')
    .map((p) => String(p).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/\burl\b/g, 'URL').replace(/\bid\b/g, 'ID'));
  const item = path.find((p) => typeof p === 'number');
  return `${words.join(' ') || 'request body'}${item !== undefined ? ` (item ${Number(item) + 1})` : ''}`;
}

/** A short sentence naming the first invalid field: "The source URL must be an http or https address." */
export function describeZodError(e: z.ZodError): string {
  const issue = e.issues[0];
  if (!issue) return 'The request is not valid.';
  const subject = issue.path.length ? `The ${fieldName(issue.path)}` : 'The request body';
  // Zod's own type messages, said as people would.
  const message = issue.message
    .replace(/\.$/, '')
    .replace(/^Invalid input: expected \w+, received undefined$/, 'is missing')
    .replace(/^Invalid input: expected (\w+), received (\w+)$/, 'must be a $1, not a $2');
  // Our own messages continue the sentence ("must be …"); others follow a colon.
  return /^(must|is|are|should|cannot|can|needs?|has|have|may)\b/.test(message) ? `${subject} ${message}.` : `${subject}: ${message}.`;
}

/** Reads the raw body as text, refusing bodies larger than `maxBytes` with 413. */
export async function readBodyText(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length'));
  if (declared > maxBytes) throw tooLargeBody(maxBytes);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLargeBody(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLargeBody(maxBytes: number) {
  return new AppError(413, 'too_large', `The request is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
}

/** Reads and validates a JSON body: 400 `invalid:json` when it is not JSON, 400 `invalid:body` when it does not fit. */
export async function parseJsonBody<T>(req: Request, schema: ZodType<T>, maxBytes = MAX_JSON_BODY_BYTES): Promise<T> {
  // Only JSON: forms and text/plain (what another site can send without asking) are refused.
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).');
  }
  const text = await readBodyText(req, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, 'invalid:json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError(400, 'invalid:body', describeZodError(parsed.error));
  return parsed.data;
}

/** Validates the query string: 400 `invalid:query` when it does not fit. */
export function parseQuery<T>(req: Request, schema: ZodType<T>): T {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError(400, 'invalid:query', describeZodError(parsed.error));
  return parsed.data;
}
