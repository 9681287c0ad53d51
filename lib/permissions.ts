/**
 * Who may do what: one table from role to allowed actions. Every route goes through a
 * guard (lib/api/guards.ts) that loads the record and calls `authorize` with the route's
 * action; hiding a button in the UI is never the check. The UI and the workflow rules read
 * the same table (`can`, `permissionsFor`, `refusal`) to show and explain what will work.
 *
 * admin    members, the workspace's settings (verdict names), and everything below
 * editor   create and delete documents, approve, sign off, reopen, publish reports, and everything below
 * editor   … accept and reject suggested corrections
 * reviewer edit text (or only suggest changes, as the workspace says), mark claims, propose verdicts, approve other people's verdicts, comment
 * viewer   read, comment, export
 */
import type { Role } from '@/db/enums';
import { forbidden } from './errors';

const ALL: readonly Role[] = ['admin', 'editor', 'reviewer', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'editor', 'reviewer'];
const EDITORS: readonly Role[] = ['admin', 'editor'];
const ADMINS: readonly Role[] = ['admin'];

const PERMISSIONS = {
  'document:read': ALL,
  'document:export': ALL,
  'document:create': WRITERS,
  'document:rename': WRITERS,
  'document:edit': WRITERS,
  'document:delete': EDITORS,
  'document:archive': EDITORS,
  'document:submit': WRITERS,
  'document:sign_off': EDITORS,
  'document:reopen': EDITORS,
  'document:publish': EDITORS,
  'claim:create': WRITERS,
  'claim:update': WRITERS,
  'claim:delete': WRITERS,
  'claim:start': WRITERS,
  'claim:propose': WRITERS,
  'claim:approve': WRITERS,
  'claim:request_changes': WRITERS,
  'claim:dismiss': WRITERS,
  'claim:restore': WRITERS,
  'suggestion:decide': EDITORS,
  'comment:create': ALL,
  'member:read': ALL,
  'member:manage': ADMINS,
  'workspace:manage': ADMINS,
} satisfies Record<string, readonly Role[]>;

/** Actions a member can take in a workspace. */
export type Action = keyof typeof PERMISSIONS;

const REFUSALS: Record<Action, string> = {
  'document:read': 'You cannot read documents in this workspace.',
  'document:export': 'You cannot export documents in this workspace.',
  'document:create': 'Viewers cannot create documents. Ask an editor or admin for a reviewer role.',
  'document:rename': 'Viewers cannot rename documents.',
  'document:edit': 'Viewers can read but not edit this document.',
  'document:delete': 'Only editors and admins can delete documents.',
  'document:archive': 'Only editors and admins can archive documents.',
  'document:submit': 'Viewers cannot submit a document for review.',
  'document:sign_off': 'Only editors and admins can sign a document off.',
  'document:reopen': 'Only editors and admins can reopen a signed-off document.',
  'document:publish': 'Only editors and admins can publish or unpublish a report.',
  'claim:create': 'Viewers cannot mark claims.',
  'claim:update': 'Viewers cannot change claims or their sources.',
  'claim:delete': 'Viewers cannot delete claims.',
  'claim:start': 'Viewers cannot start work on a claim.',
  'claim:propose': 'Viewers cannot propose verdicts.',
  'claim:approve': 'Viewers cannot approve verdicts.',
  'claim:request_changes': 'Viewers cannot request changes to a verdict.',
  'claim:dismiss': 'Viewers cannot dismiss claims.',
  'claim:restore': 'Viewers cannot restore dismissed claims.',
  'suggestion:decide': 'Only editors and admins can accept or reject suggested corrections.',
  'comment:create': 'You cannot comment in this workspace.',
  'member:read': 'You cannot see the members of this workspace.',
  'member:manage': 'Only admins can add, change or remove members.',
  'workspace:manage': 'Only admins can change the workspace’s settings, such as its verdict names.',
};

/** Whether `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Why `role` may not perform `action`, or null when it may. */
export function refusal(role: Role, action: Action): string | null {
  return can(role, action) ? null : REFUSALS[action];
}

/** Throws a 403 AppError unless `role` may perform `action`. */
export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) throw forbidden(REFUSALS[action]);
}

/** The actions a role may take, sent with records so the UI can show what is allowed. */
export function permissionsFor(role: Role): Record<Action, boolean> {
  return Object.fromEntries(Object.keys(PERMISSIONS).map((a) => [a, can(role, a as Action)])) as Record<Action, boolean>;
}
