-- Full-text search over documents' titles and text (SQLite FTS5). The text is kept by
-- lib/documents/search-index.ts; rows of documents from before this migration get theirs
-- when the app prepares the database (lib/cli/prepare.ts) or on their next edit.
CREATE VIRTUAL TABLE `documents_search` USING fts5(`document_id` UNINDEXED, `title`, `body`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `documents_search` (`document_id`, `title`, `body`) SELECT `id`, `title`, '' FROM `documents` WHERE `deleted_at` IS NULL;
