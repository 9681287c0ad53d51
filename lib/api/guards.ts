/**
 * The guards every route goes through (in the style of Dub's `withWorkspace`): each loads
 * its record with a loader that answers 404 for unknown ids and ids of other workspaces,
 * then lets lib/permissions.ts decide whether the caller's role in that workspace may take
 * the route's action (403 otherwise), and only then parses the body and calls the handler.
 * Commands and workflow rules do not decide permissions again; they check state (locks,
 * versions, four eyes) and identity (one's own comment) only.
 *
 * Where the action depends on the body (transitions), the body is parsed first.
 */
import 'server-only';
import type { ZodType } from 'zod';
import type { DocumentForMember } from '@/db/queries/documents';
import type { ClaimRow, CommentRow, Role, SourceRow } from '@/db/schema';
import { getClaimOrThrow, getCommentOrThrow, getSourceOrThrow } from '../claims/load';
import type { ClaimContext } from '../claims/commands';
import { claimContextFor, getDocumentOrThrow } from '../documents/load';
import { invalidBody, notFound } from '../errors';
import { authorize, type Action } from '../permissions';
import { pickMembership } from '../workspaces';
import { parseJsonBody, withUser, type HandlerContext } from './handler';

type Result = Promise<Response | object> | Response | object;

/** What a guarded route does: its action (or one chosen by the body) and its body schema. */
export interface GuardOptions<B> {
  action: Action | ((body: B) => Action);
  body?: ZodType<B>;
  maxBytes?: number;
}

/** Authorizes and parses in the guard's order: a fixed action before the body is read. */
async function authorizeAndParse<B>(req: Request, role: Role, options: GuardOptions<B>): Promise<B> {
  if (typeof options.action !== 'function') authorize(role, options.action);
  const body = options.body ? await parseJsonBody(req, options.body, options.maxBytes) : (undefined as B);
  if (typeof options.action === 'function') authorize(role, options.action(body));
  return body;
}

type Loaded<P, R, B> = HandlerContext<P> & R & { body: B };

/** Builds a guard from a loader of the record and the caller's role in its workspace. */
function guard<R extends object>(load: (id: string, userId: string) => Promise<R & { role: Role }>) {
  return <B = undefined, P extends { id: string } = { id: string }>(options: GuardOptions<B>, handler: (ctx: Loaded<P, R, B>) => Result) =>
    withUser<P>(async (ctx) => {
      const loaded = await load(ctx.params.id, ctx.user.id);
      const body = await authorizeAndParse(ctx.req, loaded.role, options);
      return handler({ ...ctx, ...loaded, body });
    });
}

/** A document route: `document` (with the caller's role) and the context claim commands need. */
export const withDocument = guard<{ document: DocumentForMember; claimCtx: ClaimContext }>(async (id, userId) => {
  const document = await getDocumentOrThrow(id, userId);
  return { document, claimCtx: claimContextFor(document, userId), role: document.role };
});

/** A claim route: `claim` and `claimCtx`. */
export const withClaim = guard<{ claim: ClaimRow; claimCtx: ClaimContext }>(async (id, userId) => {
  const { claim, ctx } = await getClaimOrThrow(id, userId);
  return { claim, claimCtx: ctx, role: ctx.role };
});

/** A source route: `source` and its claim's `claimCtx`. */
export const withSource = guard<{ source: SourceRow; claimCtx: ClaimContext }>(async (id, userId) => {
  const { source, ctx } = await getSourceOrThrow(id, userId);
  return { source, claimCtx: ctx, role: ctx.role };
});

/** A comment route: `comment` and its claim's `claimCtx`. */
export const withComment = guard<{ comment: CommentRow; claimCtx: ClaimContext }>(async (id, userId) => {
  const { comment, ctx } = await getCommentOrThrow(id, userId);
  return { comment, claimCtx: ctx, role: ctx.role };
});

/** The caller's membership of a workspace, as workspace routes see it. */
export interface WorkspaceContext {
  userId: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

/**
 * The caller's membership of a workspace (their first when none is named), authorized for
 * `action`; 404 for one they do not belong to, 400 when they belong to none yet.
 */
export async function workspaceFor(userId: string, workspaceId: string | undefined, action: Action): Promise<WorkspaceContext> {
  const membership = await pickMembership(userId, workspaceId);
  if (!membership && !workspaceId) throw invalidBody('You are not a member of any workspace yet. Ask an admin of your desk to add you, then accept the invitation.');
  if (!membership) throw notFound('This workspace');
  authorize(membership.role, action);
  return { userId, workspaceId: membership.workspaceId, workspaceName: membership.workspaceName, role: membership.role };
}

/** The workspace a request names in `?workspaceId=` (undefined: the caller's first). */
export function workspaceIdFromQuery(req: Request): string | undefined {
  return new URL(req.url).searchParams.get('workspaceId') || undefined;
}

/**
 * A workspace route: the workspace named by `workspaceId(req, body)` (else the caller's
 * first); 404 when the caller is not a member of it.
 */
export function withWorkspace<B = undefined, P extends Record<string, string> = Record<string, never>>(
  options: GuardOptions<B> & { workspaceId: (req: Request, body: B) => string | undefined },
  handler: (ctx: Loaded<P, { workspace: WorkspaceContext }, B>) => Result,
) {
  return withUser<P>(async (ctx) => {
    // The body may name the workspace: read it first, then decide.
    const body = options.body ? await parseJsonBody(ctx.req, options.body, options.maxBytes) : (undefined as B);
    const workspace = await workspaceFor(ctx.user.id, options.workspaceId(ctx.req, body), typeof options.action === 'function' ? options.action(body) : options.action);
    return handler({ ...ctx, workspace, body });
  });
}
