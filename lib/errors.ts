/**
 * Typed domain errors. Route handlers turn them into `{error: {code, message}}` with
 * their HTTP status; anything else is a bug and becomes a 500 without details.
 */

/** Error codes an API client can rely on. */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invalid:json'
  | 'invalid:body'
  | 'invalid:query'
  | 'invalid:step'
  | 'invalid:content'
  | 'conflict:version'
  | 'conflict:state'
  | 'forbidden:four_eyes'
  | 'forbidden:suggest_only'
  | 'forbidden:origin'
  | 'forbidden:password_change_required'
  | 'invalid:password'
  | 'locked'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

/** An error the user or API client caused, with a message meant for people. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra fields for the error body, e.g. the current version on a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 404: missing, deleted, or in a workspace the caller is not a member of. */
export const notFound = (what = 'This document') =>
  new AppError(404, 'not_found', `${what} does not exist or you do not have access to it.`);

/** 403: the caller's role does not allow the action. */
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);

/** 400: the request body or query failed validation. */
export const invalidBody = (message: string) => new AppError(400, 'invalid:body', message);

/** 413: the body or document is larger than allowed. */
export const tooLarge = (message: string) => new AppError(413, 'too_large', message);
