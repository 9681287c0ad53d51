/**
 * Turns pasted or uploaded articles (plain text, Markdown, HTML, Word) into a ProseMirror
 * document of the Factdesk schema: paragraphs, headings, lists, quotes, tables, figures
 * (a link to the original image with its alt text and caption), links, bold, italic,
 * inline code and strikethrough; footnotes become numbered endnotes. Scripts, styles,
 * raw HTML and unknown markup are dropped; of a whole web page only the article is kept.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import markdownItFootnote from 'markdown-it-footnote';
import { MarkdownParser } from 'prosemirror-markdown';
import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model';
import { AppError } from '../errors';
import { documentProblem, isSafeHref, isSafeImageSrc, schema } from './schema';

/** Formats Factdesk imports. */
export const IMPORT_FORMATS = ['text', 'markdown', 'html', 'docx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Largest article we accept, in characters of source text. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

/** What an import found about the article besides its text (all optional). */
export interface ArticleMeta {
  title?: string;
  byline?: string;
  publishedAt?: string;
  canonicalUrl?: string;
}

/** An imported article: its document and what the source said about it. */
export interface ImportedArticle {
  doc: PMNode;
  meta: ArticleMeta;
}

/** Lines of a block that look hard-wrapped (as e-mail does at ~72 characters) are joined; short lines keep their breaks. */
const WRAPPED_LINE = 40;

/**
 * Plain text: blank lines separate paragraphs. Without blank lines every line is a
 * paragraph (the sample article). Inside a paragraph, hard-wrapped lines are joined and
 * deliberate line breaks (an address, a poem, short lines) stay line breaks.
 */
export function textToDoc(text: string): PMNode {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n\s*\n/.test(normalised) ? normalised.split(/\n\s*\n/) : normalised.split('\n');
  const paragraphs = blocks
    .map((block) => block.split('\n').map((line) => line.replace(/[\t ]+/g, ' ').trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const wrapped = lines.slice(0, -1).every((line) => line.length >= WRAPPED_LINE);
      if (wrapped) return schema.node('paragraph', null, schema.text(lines.join(' ')));
      const inline: PMNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) inline.push(schema.node('hard_break'));
        inline.push(schema.text(line));
      });
      return schema.node('paragraph', null, inline);
    });
  return schema.node('doc', null, paragraphs.length ? paragraphs : [schema.node('paragraph')]);
}

/** Plain text; a short first line followed by more text is taken as the title (a headline). */
export function textArticle(text: string): ImportedArticle {
  const doc = textToDoc(text);
  const first = doc.firstChild?.textContent.trim() ?? '';
  return { doc, meta: doc.childCount > 1 && first.length > 0 && first.length <= 150 && !/[.:;,]$/.test(first) ? { title: first } : {} };
}

const markdownIt = MarkdownIt('default', { html: true, linkify: false }).use(markdownItFootnote);
markdownIt.validateLink = (url: string) => isSafeHref(url) || isSafeImageSrc(url);
markdownIt.core.ruler.push('factdesk_shape', (state) => {
  state.tokens = reshapeTokens(state.tokens, state.Token as unknown as TokenConstructor);
  return true;
});

type TokenConstructor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/**
 * Brings markdown-it's tokens into the schema's shape: table cells hold paragraphs, an
 * image alone in its paragraph becomes a figure, an image inside text becomes a link to
 * it, footnote references become "[n]" and the footnotes a numbered "Notes" list.
 */
function reshapeTokens(tokens: Token[], T: TokenConstructor): Token[] {
  const out: Token[] = [];
  const make = (type: string, tag: string, nesting: -1 | 0 | 1, content = '') => {
    const t = new T(type, tag, nesting);
    t.content = content;
    t.block = true;
    return t;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline') {
      const images = (tokens[i + 1]!.children ?? []).filter((c) => c.type !== 'softbreak' && !(c.type === 'text' && !c.content.trim()));
      if (images.length > 0 && images.every((c) => c.type === 'image')) {
        for (const image of images) {
          const open = make('figure_open', 'figure', 1);
          open.attrs = [
            ['src', image.attrGet('src') ?? ''],
            ['alt', image.children?.map((c) => c.content).join('') ?? image.content],
          ];
          const caption = image.attrGet('title') ?? '';
          const inline = make('inline', '', 0, caption);
          inline.children = caption ? [Object.assign(new T('text', '', 0), { content: caption })] : [];
          out.push(open, inline, make('figure_close', 'figure', -1));
        }
        i += 2; // the inline token and paragraph_close
        continue;
      }
    }
    if (tok.type === 'inline' && tok.children) tok.children = reshapeInline(tok.children, T);
    if (tok.type === 'th_open' || tok.type === 'td_open') {
      out.push(tok, make('paragraph_open', 'p', 1));
      continue;
    }
    if (tok.type === 'th_close' || tok.type === 'td_close') {
      out.push(make('paragraph_close', 'p', -1), tok);
      continue;
    }
    if (tok.type === 'footnote_block_open') {
      const heading = make('heading_open', 'h2', 1);
      const text = make('inline', '', 0, 'Notes');
      text.children = [Object.assign(new T('text', '', 0), { content: 'Notes' })];
      out.push(heading, text, make('heading_close', 'h2', -1), make('ordered_list_open', 'ol', 1));
      continue;
    }
    if (tok.type === 'footnote_block_close') {
      out.push(make('ordered_list_close', 'ol', -1));
      continue;
    }
    if (tok.type === 'footnote_open') {
      out.push(make('list_item_open', 'li', 1));
      continue;
    }
    if (tok.type === 'footnote_close') {
      out.push(make('list_item_close', 'li', -1));
      continue;
    }
    if (tok.type === 'footnote_anchor') continue;
    out.push(tok);
  }
  return out;
}

function reshapeInline(children: Token[], T: TokenConstructor): Token[] {
  const out: Token[] = [];
  for (const child of children) {
    if (child.type === 'footnote_ref') {
      const text = new T('text', '', 0);
      text.content = `[${(child.meta?.id ?? 0) + 1}]`;
      out.push(text);
    } else if (child.type === 'footnote_anchor') {
      continue;
    } else if (child.type === 'image') {
      const src = child.attrGet('src') ?? '';
      const alt = child.children?.map((c) => c.content).join('') || child.content || src;
      const text = new T('text', '', 0);
      text.content = alt;
      if (isSafeHref(src)) {
        const open = new T('link_open', 'a', 1);
        open.attrs = [['href', src]];
        out.push(open, text, new T('link_close', 'a', -1));
      } else {
        out.push(text);
      }
    } else {
      out.push(child);
    }
  }
  return out;
}

const markdownParser = new MarkdownParser(schema, markdownIt, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: { block: 'ordered_list', getAttrs: (tok) => ({ order: Math.min(Number(tok.attrGet('start')) || 1, 100_000) }) },
  heading: { block: 'heading', getAttrs: (tok) => ({ level: Number(tok.tag.slice(1)) }) },
  hardbreak: { node: 'hard_break' },
  table: { block: 'table' },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: 'table_row' },
  th: { block: 'table_header' },
  td: { block: 'table_cell' },
  figure: { block: 'figure', getAttrs: (tok) => ({ src: tok.attrGet('src'), alt: (tok.attrGet('alt') ?? '').slice(0, 1000) }) },
  // Code blocks become plain paragraphs; rules and raw HTML are dropped.
  code_block: { block: 'paragraph', noCloseToken: true },
  fence: { block: 'paragraph', noCloseToken: true },
  hr: { ignore: true, noCloseToken: true },
  html_block: { ignore: true, noCloseToken: true },
  html_inline: { ignore: true, noCloseToken: true },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  s: { mark: 'strike' },
  code_inline: { mark: 'code', noCloseToken: true },
  link: { mark: 'link', getAttrs: (tok) => ({ href: tok.attrGet('href'), title: tok.attrGet('title')?.slice(0, 500) || null }) },
});

/** Markdown (CommonMark with GFM tables and strikethrough, footnotes; raw HTML dropped). */
export function markdownArticle(markdown: string): ImportedArticle {
  const normalised = markdown.replace(/\r\n?/g, '\n');
  const doc = markdownParser.parse(normalised);
  // A heading at the very top is the article's title.
  const first = doc.firstChild;
  const title = first?.type.name === 'heading' ? first.textContent.trim() : undefined;
  return { doc: ensureBlock(doc), meta: title ? { title } : {} };
}

/** Elements of a web page that are never the article. */
const PAGE_CHROME = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

/**
 * HTML: a whole page is reduced to its article (Mozilla Readability) with its title,
 * byline, date and canonical address; a fragment is taken as it is.
 */
export function htmlArticle(html: string): ImportedArticle {
  const wholePage = /<html[\s>]|<body[\s>]|<!doctype/i.test(html);
  const { document } = parseHTML(wholePage ? html : `<!doctype html><html><body>${html}</body></html>`);
  const meta: ArticleMeta = {};
  let root: Element = (document.body ?? document.documentElement) as Element;
  if (wholePage) {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content');
    if (canonical && /^https?:\/\//i.test(canonical.trim())) meta.canonicalUrl = canonical.trim();
    const published =
      document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ?? document.querySelector('time[datetime]')?.getAttribute('datetime');
    if (published && !Number.isNaN(Date.parse(published))) meta.publishedAt = new Date(published).toISOString().slice(0, 10);
    let article: ReturnType<Readability['parse']> = null;
    try {
      // Readability changes the document it reads: give it its own copy.
      // With the page's own address as base, relative links and images resolve (linkedom has no base URI).
      const based = meta.canonicalUrl ? html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}<base href="${meta.canonicalUrl!.replace(/"/g, '%22')}">`) : html;
      article = new Readability(parseHTML(based).document as unknown as Document, { charThreshold: 200 }).parse();
    } catch {
      article = null;
    }
    if (article?.content && (article.textContent ?? '').trim().length >= 200) {
      root = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as Element;
      if (article.title) meta.title = article.title.trim();
      if (article.byline) meta.byline = article.byline.replace(/\s+/g, ' ').trim().slice(0, 200);
      if (!meta.publishedAt && article.publishedTime && !Number.isNaN(Date.parse(article.publishedTime))) {
        meta.publishedAt = new Date(article.publishedTime).toISOString().slice(0, 10);
      }
    } else {
      for (const el of [...root.querySelectorAll(PAGE_CHROME)]) el.remove();
      const title = document.querySelector('h1')?.textContent?.trim() || document.querySelector('title')?.textContent?.trim();
      if (title) meta.title = title;
    }
  } else {
    for (const el of [...root.querySelectorAll('script, style, noscript, template')]) el.remove();
  }
  // Images we do not keep (data:, file:, relative) leave their alternative text, and
  // paragraphs left empty (spacers, image holders) go.
  for (const img of [...root.querySelectorAll('img')]) {
    if (isSafeImageSrc(img.getAttribute('src')?.trim())) continue;
    const alt = img.getAttribute('alt')?.trim();
    if (alt) img.replaceWith(root.ownerDocument.createTextNode(alt));
    else img.remove();
  }
  for (const p of [...root.querySelectorAll('p')]) if (!p.textContent?.trim() && !p.querySelector('img')) p.remove();
  const doc = ensureBlock(PMDOMParser.fromSchema(schema).parse(root as unknown as globalThis.Node));
  // The article's own title heading duplicates the document title: leave it out.
  const first = doc.firstChild;
  if (meta.title && first?.type.name === 'heading' && first.textContent.trim() === meta.title && doc.childCount > 1) {
    return { doc: doc.copy(doc.content.cut(first.nodeSize)), meta };
  }
  if (!meta.title && first?.type.name === 'heading') meta.title = first.textContent.trim();
  return { doc, meta };
}

/** The document of a Markdown text. */
export function markdownToDoc(markdown: string): PMNode {
  return markdownArticle(markdown).doc;
}

/** The document of an HTML page or fragment. */
export function htmlToDoc(html: string): PMNode {
  return htmlArticle(html).doc;
}

function ensureBlock(doc: PMNode): PMNode {
  doc.check();
  return doc.childCount ? doc : schema.node('doc', null, [schema.node('paragraph')]);
}

/** Refuses a document that nests too deeply or holds characters we do not store, with 400 `invalid:content`. */
export function checkImported(doc: PMNode): PMNode {
  const problem = documentProblem(doc);
  if (problem) throw new AppError(400, 'invalid:content', `The article cannot be imported: ${problem}.`);
  if (!doc.textContent.trim()) {
    throw new AppError(400, 'invalid:content', 'The article has no text. Paste the text or choose a .docx, .html, .md or .txt file.');
  }
  return doc;
}

/** Parses `content` in the given text format, refusing empty, oversized or malformed input. */
export function importDocument(format: Exclude<ImportFormat, 'docx'>, content: string): ImportedArticle {
  if (content.length > MAX_DOCUMENT_CHARS) {
    throw new AppError(413, 'too_large', `The article is longer than ${MAX_DOCUMENT_CHARS.toLocaleString('en')} characters. Split it into parts.`);
  }
  let article: ImportedArticle;
  try {
    article = format === 'markdown' ? markdownArticle(content) : format === 'html' ? htmlArticle(content) : textArticle(content);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(400, 'invalid:content', `The article could not be read: ${(e as Error).message}`);
  }
  checkImported(article.doc);
  return article;
}

/** The import format for an uploaded file's name, or an error that says which files we take. */
export function formatForFileName(name: string): ImportFormat {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'txt') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'docx') return 'docx';
  throw new AppError(
    415,
    'unsupported_media_type',
    `"${name}" is not a file Factdesk can import. Upload a .docx, .html, .md or .txt file, or paste the text.`,
  );
}
