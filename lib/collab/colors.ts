/** People's colours: carets, names in the presence bar, their suggested corrections. Pure, for server and browser. */
const PALETTE = ['#e76f51', '#2a9d8f', '#8e7dbe', '#f4a261', '#3a86ff', '#d1495b', '#6a994e', '#bc6c25', '#118ab2', '#c9184a'];

/** A stable colour for a user. */
export function colorFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
