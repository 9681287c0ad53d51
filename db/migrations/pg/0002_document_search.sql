-- The documents' search entries, as on SQLite (documents_search: title and plain text, one row
-- per live document, written by db/queries/documents.ts and lib/documents/search-index.ts),
-- with PostgreSQL's full-text vector beside them: the title weighs more than the text.
CREATE TABLE "documents_search" (
	"document_id" text PRIMARY KEY NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"tsv" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, "title"), 'A') || setweight(to_tsvector('simple'::regconfig, "body"), 'B')) STORED
);
--> statement-breakpoint
CREATE INDEX "documents_search_tsv_idx" ON "documents_search" USING gin ("tsv");
