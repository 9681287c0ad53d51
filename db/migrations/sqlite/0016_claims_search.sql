-- Claim memory: each claim's statement and quote as Snowball stems (lib/claims/similarity.ts),
-- for finding earlier claims that say the same thing. Written by the application after each
-- change of a claim (stems are computed in JavaScript); filled for older claims on start.
CREATE VIRTUAL TABLE `claims_search` USING fts5(`claim_id` UNINDEXED, `workspace_id` UNINDEXED, `stems`, tokenize = 'unicode61 remove_diacritics 2');
