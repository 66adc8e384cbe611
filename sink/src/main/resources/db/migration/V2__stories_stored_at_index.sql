-- Incremental readers ask "what was stored since my last look" (stored_at is the storing transaction's start, set
-- again when a story is stored again). Without this index that question scans the whole table, body and all.
CREATE INDEX stories_stored_at_idx ON stories (stored_at);
