-- Search on PostgreSQL, as SQLite's FTS5 tables do it (db/migrations/sqlite 0013, 0016, 0018, 0019).
--
-- Words people type (documents and claims search) go through the text search configuration
-- `factdesk`: PostgreSQL's `simple` parser and dictionary (lower case, no stemming, any
-- language) after `unaccent`, so that "Rustung" finds "Rüstung" as FTS5's remove_diacritics does.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION factdesk (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION factdesk ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
--> statement-breakpoint
ALTER TABLE "documents_search" DROP COLUMN "tsv";
--> statement-breakpoint
ALTER TABLE "documents_search" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('factdesk'::regconfig, "title"), 'A') || setweight(to_tsvector('factdesk'::regconfig, "body"), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX "documents_search_tsv_idx" ON "documents_search" USING gin ("tsv");
--> statement-breakpoint
-- Claim memory: each claim's Snowball stems, computed in JavaScript (lib/claims/similarity.ts),
-- taken as they are (array_to_tsvector: no parser, no dictionary), one row per live claim.
CREATE TABLE "claims_search" (
	"claim_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"stems" text DEFAULT '' NOT NULL,
	"tsv" tsvector GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array("stems", ' '), ''))) STORED
);
--> statement-breakpoint
CREATE INDEX "claims_search_tsv_idx" ON "claims_search" USING gin ("tsv");
--> statement-breakpoint
-- Search over claims: statement, quote, rationale, tags and the sources' titles, as written.
CREATE TABLE "claims_text" (
	"claim_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"tags" text DEFAULT '' NOT NULL,
	"sources" text DEFAULT '' NOT NULL,
	"tsv" tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('factdesk'::regconfig, "statement"), 'A') || setweight(to_tsvector('factdesk'::regconfig, "quote"), 'B') ||
		setweight(to_tsvector('factdesk'::regconfig, "tags"), 'B') || setweight(to_tsvector('factdesk'::regconfig, "rationale"), 'C') ||
		setweight(to_tsvector('factdesk'::regconfig, "sources"), 'D')) STORED
);
--> statement-breakpoint
CREATE INDEX "claims_text_tsv_idx" ON "claims_text" USING gin ("tsv");
--> statement-breakpoint
-- How many claims hold each stem (FTS5's claims_search_vocab): the claim memory asks for
-- candidates by a claim's rarest stems. Kept by a trigger; terms in sorted order, so that two
-- transactions counting the same stems lock their rows in the same order (no deadlock).
CREATE TABLE "claims_search_vocab" (
	"term" text PRIMARY KEY NOT NULL,
	"doc" integer NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION claims_search_vocab_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO claims_search_vocab (term, doc)
      SELECT t, -1 FROM unnest(tsvector_to_array(OLD.tsv)) AS t ORDER BY t
      ON CONFLICT (term) DO UPDATE SET doc = claims_search_vocab.doc + EXCLUDED.doc;
    DELETE FROM claims_search_vocab WHERE term = ANY (tsvector_to_array(OLD.tsv)) AND doc <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO claims_search_vocab (term, doc)
      SELECT t, 1 FROM unnest(tsvector_to_array(NEW.tsv)) AS t ORDER BY t
      ON CONFLICT (term) DO UPDATE SET doc = claims_search_vocab.doc + EXCLUDED.doc;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "claims_search_vocab_count" AFTER INSERT OR UPDATE OR DELETE ON "claims_search" FOR EACH ROW EXECUTE FUNCTION claims_search_vocab_count();
