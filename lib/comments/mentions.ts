/**
 * @mentions: a comment mentions a member when its text contains "@" followed by the
 * member's name (case-insensitive, not followed by a letter). The longest name wins, so
 * "@Ben Reviewer" is Ben even if another member is called "Ben". Pure, for browser and server.
 */

export interface Mentionable {
  id: string;
  name: string;
}

/** Ids of the members mentioned in `text`, in the order of their first mention. */
export function findMentions(text: string, members: Mentionable[]): string[] {
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  const lower = text.toLocaleLowerCase();
  for (let i = lower.indexOf('@'); i !== -1; i = lower.indexOf('@', i + 1)) {
    if (i > 0 && /[\p{L}\p{N}._-]/u.test(lower[i - 1]!)) continue; // an e-mail address, not a mention
    const rest = lower.slice(i + 1);
    const member = byLength.find((m) => rest.startsWith(m.name.toLocaleLowerCase()) && !/^[\p{L}\p{N}]/u.test(rest.slice(m.name.length)));
    if (member && !found.includes(member.id)) found.push(member.id);
  }
  return found;
}

/** The "@partial" being typed just before `caret`, or null (for autocomplete). */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\p{L}\p{N}._-])@([\p{L}\p{N} .'-]{0,40})$/u.exec(before);
  if (!match) return null;
  const query = match[2]!;
  if (/\s{2}|^\s/.test(query)) return null;
  return { start: caret - query.length - 1, query };
}
