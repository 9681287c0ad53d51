-- Search over claims (GET /api/search, the Search page): statement, quote, rationale, tags and
-- the sources' titles, as written. Kept by the application after each claim change, beside
-- claims_search (the claim memory's stems); filled for older claims on start.
CREATE VIRTUAL TABLE `claims_text` USING fts5(`claim_id` UNINDEXED, `workspace_id` UNINDEXED, `statement`, `quote`, `rationale`, `tags`, `sources`, tokenize = 'unicode61 remove_diacritics 2');
