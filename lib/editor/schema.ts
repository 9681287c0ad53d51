/**
 * The one ProseMirror schema of Factdesk, shared by the browser editor and the server
 * authority that validates and applies steps. Node and mark names follow
 * prosemirror-schema-basic so that prosemirror-markdown's defaults fit.
 */
import { hasBadCharacters } from '../characters';
import { colorFor } from '../collab/colors';
import { Schema, type DOMOutputSpec, type Mark, type MarkSpec, type Node as PMNode, type NodeSpec } from 'prosemirror-model';

/** Link protocols we keep; anything else (javascript:, data:, …) is dropped. */
const SAFE_LINK = /^(https?:|mailto:)/i;
/** Image sources we keep: links to the original on the web, never data: or file: URLs. */
const SAFE_IMAGE = /^https?:\/\//i;

/** Whether `href` is a link Factdesk will store and render. */
export function isSafeHref(href: string | null | undefined): href is string {
  return typeof href === 'string' && href.length <= MAX_URL_LENGTH && SAFE_LINK.test(href.trim()) && href === href.trim();
}

/** Whether `src` is an image address Factdesk will store (http or https). */
export function isSafeImageSrc(src: string | null | undefined): src is string {
  return typeof src === 'string' && src.length <= MAX_URL_LENGTH && SAFE_IMAGE.test(src) && src === src.trim();
}

/** Longest URL an attribute may hold. */
export const MAX_URL_LENGTH = 2048;
/** Deepest nesting of nodes a document may have (a list in a quote in a list … ). */
export const MAX_DEPTH = 24;
/** Heading levels (h1 … h6) and the largest list start number. */
export const HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export const MAX_LIST_START = 100_000;
/** Most columns or rows a table cell may span. */
export const MAX_SPAN = 50;

export { hasBadCharacters };

const validate = {
  integer: (min: number, max: number) => (value: unknown) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
    }
  },
  text: (max: number, nullable: boolean) => (value: unknown) => {
    if (value === null && nullable) return;
    if (typeof value !== 'string' || value.length > max || hasBadCharacters(value)) {
      throw new RangeError(`must be text of at most ${max} characters, without control characters or broken (unpaired surrogate) characters`);
    }
  },
  href: (value: unknown) => {
    if (!isSafeHref(value as string)) throw new RangeError(`links must be http, https or mailto addresses, not ${JSON.stringify(String(value).slice(0, 40))}`);
  },
  src: (value: unknown) => {
    if (!isSafeImageSrc(value as string)) throw new RangeError(`images must be http or https addresses, not ${JSON.stringify(String(value).slice(0, 40))}`);
  },
};

const cellAttrs = {
  colspan: { default: 1, validate: validate.integer(1, MAX_SPAN) },
  rowspan: { default: 1, validate: validate.integer(1, MAX_SPAN) },
};

function cellAttrsOf(dom: HTMLElement) {
  const span = (name: string) => {
    const n = Number(dom.getAttribute(name) || 1);
    return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
  };
  return { colspan: span('colspan'), rowspan: span('rowspan') };
}

/** A table cell (`td`) or header cell (`th`): paragraphs, with its column and row span. */
function cellSpec(tag: 'td' | 'th', tableRole: 'cell' | 'header_cell'): NodeSpec {
  return {
    content: 'paragraph+',
    marks: SUGGESTION_MARKS,
    attrs: cellAttrs,
    tableRole,
    isolating: true,
    parseDOM: [{ tag, getAttrs: (dom) => cellAttrsOf(dom as HTMLElement) }],
    toDOM: (node): DOMOutputSpec => {
      const attrs: Record<string, string> = {};
      if (node.attrs.colspan !== 1) attrs.colspan = String(node.attrs.colspan);
      if (node.attrs.rowspan !== 1) attrs.rowspan = String(node.attrs.rowspan);
      return [tag, attrs, 0];
    },
  };
}

/**
 * Suggested changes (lib/suggestions): marks of @handlewithcare/prosemirror-suggest-changes.
 * Blocks inside containers may carry them as node marks (a whole paragraph suggested or
 * struck), so every node whose content is blocks allows them.
 */
const SUGGESTION_MARKS = 'insertion deletion modification';

/** A suggestion's id: `<author's user id>:<random>`, made in the author's browser and checked by the server. */
export const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{4,32}$/;

/** The author part of a suggestion id. */
export function suggestionAuthor(id: unknown): string {
  return typeof id === 'string' ? id.slice(0, id.indexOf(':')) : '';
}

const suggestionId = {
  validate: (value: unknown) => {
    if (typeof value !== 'string' || !SUGGESTION_ID.test(value)) throw new RangeError('must be a suggestion id (author:random)');
  },
};

/**
 * The marks of @handlewithcare/prosemirror-suggest-changes (names, exclusions, attributes as
 * it needs them), written here because that package is ESM-only and this schema is also
 * loaded by the command-line tools. Our id check; never parsed from HTML (pasted or imported
 * <ins> and <del> are not suggestions); the author on the element, for the colour.
 */
function suggestionMark(name: 'insertion' | 'deletion' | 'modification', tag: string, extraAttrs: MarkSpec['attrs'] = {}): MarkSpec {
  return {
    inclusive: false,
    excludes: name === 'modification' ? 'deletion insertion' : 'insertion deletion modification',
    attrs: { id: suggestionId, ...extraAttrs },
    parseDOM: [],
    toDOM: (mark: Mark, inline: boolean): DOMOutputSpec => [
      inline ? tag : 'div',
      {
        class: `suggestion suggestion-${name}`,
        'data-suggestion-id': mark.attrs.id,
        'data-author': suggestionAuthor(mark.attrs.id),
        'data-inline': String(inline),
        style: `--suggestion-color: ${colorFor(suggestionAuthor(mark.attrs.id))}`,
      },
      0,
    ],
  };
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+', marks: SUGGESTION_MARKS },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    // Each block finds its own direction: an English quote in an Arabic article reads left to right.
    toDOM: (): DOMOutputSpec => ['p', { dir: 'auto' }, 0],
  },
  heading: {
    attrs: { level: { default: 2, validate: validate.integer(1, 6) } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: HEADING_LEVELS.map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node): DOMOutputSpec => [`h${node.attrs.level}`, { dir: 'auto' }, 0],
  },
  blockquote: {
    content: 'block+',
    marks: SUGGESTION_MARKS,
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (): DOMOutputSpec => ['blockquote', 0],
  },
  ordered_list: {
    attrs: { order: { default: 1, validate: validate.integer(0, MAX_LIST_START) } },
    content: 'list_item+',
    marks: SUGGESTION_MARKS,
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => {
          const start = (dom as HTMLElement).getAttribute('start');
          return { order: start && /^\d{1,6}$/.test(start) ? Math.min(Number(start), MAX_LIST_START) : 1 };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order }, 0]),
  },
  bullet_list: {
    content: 'list_item+',
    marks: SUGGESTION_MARKS,
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },
  list_item: {
    content: 'paragraph block*',
    marks: SUGGESTION_MARKS,
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },
  table: {
    content: 'table_row+',
    marks: SUGGESTION_MARKS,
    group: 'block',
    tableRole: 'table',
    isolating: true,
    parseDOM: [{ tag: 'table' }],
    toDOM: (): DOMOutputSpec => ['div', { class: 'table-wrap' }, ['table', ['tbody', 0]]],
  },
  table_row: {
    content: '(table_cell | table_header)+',
    marks: SUGGESTION_MARKS,
    tableRole: 'row',
    parseDOM: [{ tag: 'tr' }],
    toDOM: (): DOMOutputSpec => ['tr', 0],
  },
  table_cell: cellSpec('td', 'cell'),
  table_header: cellSpec('th', 'header_cell'),
  figure: {
    // An image stays on its site: the figure keeps the link to the original and its
    // alternative text; its content is the caption, text like any other (claims included).
    attrs: {
      src: { validate: validate.src },
      alt: { default: '', validate: validate.text(1000, false) },
    },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [
      {
        tag: 'figure',
        contentElement: 'figcaption',
        getAttrs: (dom) => {
          const img = (dom as HTMLElement).querySelector('img');
          const src = img?.getAttribute('src')?.trim();
          if (!isSafeImageSrc(src)) return false;
          return { src, alt: (img?.getAttribute('alt') ?? '').slice(0, 1000) };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (dom) => {
          const src = (dom as HTMLElement).getAttribute('src')?.trim();
          if (!isSafeImageSrc(src)) return false;
          return { src, alt: ((dom as HTMLElement).getAttribute('alt') ?? '').slice(0, 1000) };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'figure',
      ['img', { src: isSafeImageSrc(node.attrs.src) ? node.attrs.src : '', alt: node.attrs.alt, loading: 'lazy', referrerpolicy: 'no-referrer', contenteditable: 'false' }],
      ['figcaption', { dir: 'auto' }, 0],
    ],
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: validate.href }, title: { default: null, validate: validate.text(500, true) } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute('href');
          const trimmed = href?.trim();
          return isSafeHref(trimmed) ? { href: trimmed, title: (dom as HTMLElement).getAttribute('title')?.slice(0, 500) || null } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => [
      'a',
      {
        href: isSafeHref(mark.attrs.href) ? mark.attrs.href : '#',
        title: mark.attrs.title,
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
      },
      0,
    ],
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps everything in <b style="font-weight: normal">.
      { tag: 'b', getAttrs: (node) => (node as HTMLElement).style?.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
      { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  code: {
    parseDOM: [{ tag: 'code' }, { tag: 'kbd' }, { tag: 'samp' }],
    toDOM: (): DOMOutputSpec => ['code', 0],
  },
  strike: {
    parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }, { style: 'text-decoration=line-through' }, { style: 'text-decoration-line=line-through' }],
    toDOM: (): DOMOutputSpec => ['s', 0],
  },
  insertion: suggestionMark('insertion', 'ins'),
  deletion: suggestionMark('deletion', 'del'),
  modification: suggestionMark('modification', 'span', {
    type: { validate: 'string' },
    attrName: { default: null, validate: 'string|null' },
    previousValue: { default: null },
    newValue: { default: null },
  }),
};

/** The Factdesk document schema. */
export const schema = new Schema({ nodes, marks });

/**
 * A document as plain JSON: ProseMirror's toJSON shares the node's attribute objects,
 * which have no prototype, and React refuses to pass such objects to client components.
 */
export function docJSON(node: PMNode): Record<string, unknown> {
  return JSON.parse(JSON.stringify(node.toJSON()));
}

/** Why a document is refused: the schema's own check, nesting depth and the characters of its text. */
export function documentProblem(node: PMNode): string | null {
  try {
    node.check();
  } catch (e) {
    return (e as Error).message;
  }
  return contentProblem(node, 0);
}

/** Depth and characters of a node's content (not its own position): null when acceptable. */
export function contentProblem(node: PMNode, depth: number): string | null {
  if (depth > MAX_DEPTH) return `it nests deeper than ${MAX_DEPTH} levels`;
  if (node.isText) return hasBadCharacters(node.text!) ? 'its text holds a control character or a lone surrogate' : null;
  for (let i = 0; i < node.childCount; i++) {
    const problem = contentProblem(node.child(i), depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Whether position `pos` falls between the two halves of a surrogate pair (inside one character such as an emoji). */
export function splitsCharacter(doc: PMNode, pos: number): boolean {
  if (pos <= 0 || pos >= doc.content.size) return false;
  const $pos = doc.resolve(pos);
  const before = $pos.nodeBefore;
  const after = $pos.nodeAfter;
  if (!before?.isText || !after?.isText) return false;
  const high = before.text!.charCodeAt(before.text!.length - 1);
  const low = after.text!.charCodeAt(0);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
