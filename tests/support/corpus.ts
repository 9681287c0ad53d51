/** The corpus of real-shaped articles (tests/corpus): headings, links, lists, quotes, tables, figures; German, English, Spanish, Arabic, Hebrew. */
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusArticle {
  file: string;
  format: 'markdown' | 'html' | 'text';
  language: string;
  title: string;
  /** Phrases that appear exactly once in the article's visible text. */
  mustContain: string[];
  /** The text of one table cell, when the article has a table. */
  tableCell?: string;
  /** Phrases of the page around the article (navigation, cookie banner, footer) that must not be imported. */
  mustNotContain: string[];
  content: string;
}

const DIR = path.resolve(__dirname, '../corpus');

/** Every article of the corpus with its content. */
export function corpus(): CorpusArticle[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'MANIFEST.json'), 'utf8')) as Omit<CorpusArticle, 'content'>[];
  return manifest.map((entry) => ({ ...entry, content: fs.readFileSync(path.join(DIR, entry.file), 'utf8') }));
}
