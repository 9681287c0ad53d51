/**
 * Reads an uploaded or pasted article into a document: the text formats through
 * lib/editor/import.ts, Word files through mammoth. A Word file's comments become claim
 * drafts on the words they were made on (mammoth keeps only where a comment is referenced,
 * so the comment ranges are marked in the file's XML before mammoth reads it).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { Transform } from 'prosemirror-transform';
import { AppError } from '../errors';
import { checkImported, htmlArticle, importDocument, MAX_DOCUMENT_CHARS, type ImportedArticle, type ImportFormat } from '../editor/import';
import { hasBadCharacters } from '../characters';

/** A Word comment found on a range of the imported document. */
export interface CommentDraft {
  from: number;
  to: number;
  author: string | null;
  text: string;
}

export type ReadArticle = ImportedArticle & { comments: CommentDraft[] };

/** Largest Word file we read, in bytes (text, tables and the images we do not keep). */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

// Private-use characters mark where a comment starts and ends; they never occur in text we keep.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const END = '\uE002';
const MARKERS = /\uE000(\d+)\uE002|\uE001(\d+)\uE002/g;

/** Reads content of any import format. */
export async function readArticle(format: ImportFormat, content: string | Uint8Array): Promise<ReadArticle> {
  if (format === 'docx') {
    if (typeof content === 'string') throw new AppError(400, 'invalid:body', 'A Word file must be uploaded as a file, not pasted.');
    return docxArticle(content);
  }
  if (typeof content !== 'string') throw new AppError(400, 'invalid:body', 'Only Word files are read as bytes.');
  return { ...importDocument(format, content), comments: [] };
}

/** A .docx file: headings, lists, tables, links, footnotes as endnotes, comments as claim drafts. */
export async function docxArticle(bytes: Uint8Array): Promise<ReadArticle> {
  if (bytes.byteLength > MAX_DOCX_BYTES) throw new AppError(413, 'too_large', `The Word file is larger than ${MAX_DOCX_BYTES / 1024 / 1024} MB.`);
  let zip: JSZip;
  let documentXml: string | undefined;
  try {
    zip = await JSZip.loadAsync(bytes);
    documentXml = await zip.file('word/document.xml')?.async('string');
  } catch {
    documentXml = undefined;
  }
  if (!documentXml) throw new AppError(400, 'invalid:content', 'This is not a Word (.docx) file. Save it as .docx and upload it again.');
  const commentXml = await zip!.file('word/comments.xml')?.async('string');
  const notes = commentXml ? readComments(commentXml) : new Map<string, { author: string | null; text: string }>();
  if (notes.size) {
    // The comment ranges become marker runs that mammoth carries into the text as it is.
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    documentXml = documentXml
      .replace(/<w:commentRangeStart\b[^>]*w:id="(\d+)"[^>]*\/>/g, (_m, id: string) => run(`${OPEN}${id}${END}`))
      .replace(/<w:commentRangeEnd\b[^>]*w:id="(\d+)"[^>]*\/>/g, (_m, id: string) => run(`${CLOSE}${id}${END}`));
    zip!.file('word/document.xml', documentXml);
  }
  const marked = notes.size ? await zip!.generateAsync({ type: 'nodebuffer' }) : Buffer.from(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: marked },
      {
        // Images stay out: a Word file's pictures have no address to link to.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        styleMap: ['p[style-name=\'Title\'] => h1:fresh', 'p[style-name=\'Subtitle\'] => h2:fresh', 'p[style-name=\'Quote\'] => blockquote > p:fresh', 'p[style-name=\'Intense Quote\'] => blockquote > p:fresh'],
      },
    );
    html = result.value;
  } catch (e) {
    throw new AppError(400, 'invalid:content', `The Word file could not be read: ${(e as Error).message}`);
  }
  if (html.length > MAX_DOCUMENT_CHARS * 2) throw new AppError(413, 'too_large', `The article is longer than ${MAX_DOCUMENT_CHARS.toLocaleString('en')} characters.`);
  const article = htmlArticle(endnotes(html));
  const { doc, comments } = extractMarkers(article.doc, notes);
  checkImported(doc);
  return { doc, meta: article.meta, comments };
}

/** Word comments by id: author and plain text. */
function readComments(xml: string): Map<string, { author: string | null; text: string }> {
  const { document } = parseHTML(`<!doctype html><html><body>${xml.replace(/<\?xml[^>]*>/, '').replace(/<(\/?)w:/g, '<$1w-')}</body></html>`);
  const out = new Map<string, { author: string | null; text: string }>();
  for (const el of [...document.querySelectorAll('w-comment')]) {
    const id = el.getAttribute('w:id');
    if (!id) continue;
    const paragraphs = [...el.querySelectorAll('w-p')].map((p) => [...p.querySelectorAll('w-t')].map((t) => t.textContent ?? '').join(''));
    const text = paragraphs.join('\n').trim();
    if (text && !hasBadCharacters(text)) out.set(id, { author: el.getAttribute('w:author'), text });
  }
  return out;
}

/** Mammoth's footnotes and endnotes as a "Notes" section without the back links. */
function endnotes(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const back of [...document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')]) back.remove();
  const list = document.querySelector('li[id^="footnote-"], li[id^="endnote-"]')?.parentElement;
  if (list) {
    const heading = document.createElement('h2');
    heading.textContent = 'Notes';
    list.parentNode?.insertBefore(heading, list);
  }
  return document.body.innerHTML;
}

/** Removes the comment markers from the document; returns it and each comment's range. */
function extractMarkers(doc: ImportedArticle['doc'], notes: Map<string, { author: string | null; text: string }>) {
  const found: { from: number; to: number; open: boolean; id: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const m of node.text!.matchAll(MARKERS)) {
      found.push({ from: pos + m.index!, to: pos + m.index! + m[0].length, open: m[1] !== undefined, id: (m[1] ?? m[2])! });
    }
    return false;
  });
  if (!found.length) return { doc, comments: [] as CommentDraft[] };
  const tr = new Transform(doc);
  for (const marker of [...found].reverse()) tr.delete(marker.from, marker.to);
  const starts = new Map<string, number>();
  const comments: CommentDraft[] = [];
  for (const marker of found) {
    // A start maps to after the deleted marker, an end to before it.
    const at = tr.mapping.map(marker.open ? marker.to : marker.from, marker.open ? 1 : -1);
    if (marker.open) starts.set(marker.id, at);
    else {
      const from = starts.get(marker.id);
      const note = notes.get(marker.id);
      if (from === undefined || !note) continue;
      if (tr.doc.textBetween(from, at, ' ').trim()) comments.push({ from, to: at, author: note.author, text: note.text });
    }
  }
  return { doc: tr.doc, comments };
}
