-- How many claims hold each stem (FTS5 vocabulary of claims_search): the claim memory asks
-- for candidates by the rarest stems of a claim, so that a common word never makes it rank
-- thousands of claims.
CREATE VIRTUAL TABLE `claims_search_vocab` USING fts5vocab(`claims_search`, 'row');
