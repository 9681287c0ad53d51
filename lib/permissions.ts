/**
 * Who may do what: one table from role to allowed actions. Every route handler calls
 * `authorize` after loading the record; hiding a button in the UI is never the check.
 */
import type { Role } from '@/db/schema';
import { forbidden } from './errors';

/** Actions a member can take in a workspace. */
export type Action =
  | 'document:read'
  | 'document:create'
  | 'document:rename'
  | 'document:delete'
  | 'document:edit'
  | 'claim:create'
  | 'claim:update'
  | 'claim:delete';

const ALL: readonly Role[] = ['admin', 'editor', 'reviewer', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'editor', 'reviewer'];
const EDITORS: readonly Role[] = ['admin', 'editor'];

const PERMISSIONS: Record<Action, readonly Role[]> = {
  'document:read': ALL,
  'document:create': WRITERS,
  'document:rename': WRITERS,
  'document:edit': WRITERS,
  'document:delete': EDITORS,
  'claim:create': WRITERS,
  'claim:update': WRITERS,
  'claim:delete': WRITERS,
};

const REFUSALS: Record<Action, string> = {
  'document:read': 'You cannot read documents in this workspace.',
  'document:create': 'Viewers cannot create documents. Ask an editor or admin for a reviewer role.',
  'document:rename': 'Viewers cannot rename documents.',
  'document:edit': 'Viewers can read but not edit this document.',
  'document:delete': 'Only editors and admins can delete documents.',
  'claim:create': 'Viewers cannot mark claims.',
  'claim:update': 'Viewers cannot change claims or their sources.',
  'claim:delete': 'Viewers cannot delete claims.',
};

/** Whether `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/** Throws a 403 AppError unless `role` may perform `action`. */
export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) throw forbidden(REFUSALS[action]);
}

/** The actions a role may take, sent with records so the UI can show what is allowed. */
export function permissionsFor(role: Role): Record<Action, boolean> {
  return Object.fromEntries(Object.keys(PERMISSIONS).map((a) => [a, can(role, a as Action)])) as Record<Action, boolean>;
}
