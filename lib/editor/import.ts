/**
 * Turns pasted or uploaded text (plain text, Markdown, HTML) into a ProseMirror document
 * of the Factdesk schema. Paragraphs, headings, lists, blockquotes, links, bold and
 * italic are kept; scripts, styles and unknown markup are dropped.
 */
import { parseHTML } from 'linkedom';
import MarkdownIt from 'markdown-it';
import { MarkdownParser } from 'prosemirror-markdown';
import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model';
import { AppError } from '../errors';
import { isSafeHref, schema } from './schema';

/** Formats Factdesk imports. */
export const IMPORT_FORMATS = ['text', 'markdown', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Largest article we accept, in characters of source text. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** Plain text: blank lines separate paragraphs; without blank lines, every line is one. */
export function textToDoc(text: string): PMNode {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n\s*\n/.test(normalised)
    ? normalised.split(/\n\s*\n/).map((b) => b.replace(/\s*\n\s*/g, ' '))
    : normalised.split('\n');
  const paragraphs = blocks
    .map((b) => b.replace(/[\t ]+/g, ' ').trim())
    .filter(Boolean)
    .map((b) => schema.node('paragraph', null, schema.text(b)));
  return schema.node('doc', null, paragraphs.length ? paragraphs : [schema.node('paragraph')]);
}

// Raw HTML is parsed (so that it can be dropped rather than shown as literal tags);
// inline code keeps its backticks as text because the schema has no code mark.
const markdownIt = MarkdownIt('commonmark', { html: true, linkify: false }).disable(['backticks']);
markdownIt.validateLink = (url: string) => isSafeHref(url);

const markdownParser = new MarkdownParser(schema, markdownIt, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: { block: 'ordered_list', getAttrs: (tok) => ({ order: Number(tok.attrGet('start')) || 1 }) },
  heading: { block: 'heading', getAttrs: (tok) => ({ level: Math.min(Number(tok.tag.slice(1)), 4) }) },
  hardbreak: { node: 'hard_break' },
  // Code becomes plain paragraphs; rules, images and raw HTML are dropped.
  code_block: { block: 'paragraph', noCloseToken: true },
  fence: { block: 'paragraph', noCloseToken: true },
  hr: { ignore: true, noCloseToken: true },
  image: { ignore: true, noCloseToken: true },
  html_block: { ignore: true, noCloseToken: true },
  html_inline: { ignore: true, noCloseToken: true },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  link: { mark: 'link', getAttrs: (tok) => ({ href: tok.attrGet('href'), title: tok.attrGet('title') || null }) },
});

/** Markdown (CommonMark; raw HTML, images and rules dropped). */
export function markdownToDoc(markdown: string): PMNode {
  return ensureBlock(markdownParser.parse(markdown.replace(/\r\n?/g, '\n')));
}

/** HTML: a fragment or a whole page; only its body's supported structure is kept. */
export function htmlToDoc(html: string): PMNode {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const body = document.body ?? document.documentElement;
  return ensureBlock(PMDOMParser.fromSchema(schema).parse(body as unknown as globalThis.Node));
}

function ensureBlock(doc: PMNode): PMNode {
  doc.check();
  return doc.childCount ? doc : schema.node('doc', null, [schema.node('paragraph')]);
}

/** Parses `content` in the given format, refusing empty or oversized input. */
export function importDocument(format: ImportFormat, content: string): PMNode {
  if (content.length > MAX_DOCUMENT_CHARS) {
    throw new AppError(413, 'too_large', `The article is longer than ${MAX_DOCUMENT_CHARS.toLocaleString('en')} characters. Split it into parts.`);
  }
  const doc = format === 'markdown' ? markdownToDoc(content) : format === 'html' ? htmlToDoc(content) : textToDoc(content);
  if (!doc.textContent.trim()) {
    throw new AppError(400, 'invalid:content', 'The article has no text. Paste the text or choose a .txt, .md or .html file.');
  }
  return doc;
}

/** The import format for an uploaded file's name, or an error that says which files we take. */
export function formatForFileName(name: string): ImportFormat {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'txt') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  throw new AppError(
    415,
    'unsupported_media_type',
    `"${name}" is not a file Factdesk can import. Upload a .txt, .md or .html file, or paste the text.`,
  );
}
