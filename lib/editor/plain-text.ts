/** The plain text of ProseMirror JSON (blocks on their own lines), without building nodes: for the search index. */
export function plainTextOfJSON(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const { text, content } = n as { text?: unknown; content?: unknown };
    if (typeof text === 'string') out.push(text);
    if (Array.isArray(content)) {
      for (const child of content) walk(child);
      if (content.length && !(content[0] as { text?: unknown })?.text) return;
      out.push('\n');
    }
  };
  walk(node);
  return out.join('').replace(/\n+/g, '\n').trim();
}
