/** How a claim's comments are counted in the sidebar. Pure, for the browser; db/queries/comments.ts counts the same way in SQL. */

/** How many comments a claim has, and how many of its threads are still open. */
export interface CommentCount {
  total: number;
  open: number;
}

/** Deleted comments do not count; a thread is open while its first comment is live and unresolved. */
export function countComments(comments: { parentId: string | null; resolved: boolean; deleted: boolean }[]): CommentCount {
  const live = comments.filter((c) => !c.deleted);
  return { total: live.length, open: live.filter((c) => !c.parentId && !c.resolved).length };
}
