-- Several server processes (issue 14): what one process used to keep in memory, every process
-- must now see, so it lives here.

-- How far the writing of an import has got, for its page's progress bar (served by any process),
-- and which process writes it, so that when that process dies its half-written import is rolled
-- back at once instead of at the next start.
ALTER TABLE outcome_imports ADD COLUMN rows_written INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_imports ADD COLUMN rows_to_write INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_imports ADD COLUMN writer_pid INTEGER;

-- The outcomes API's per-token rate: one row per request in the last window, per token.
CREATE TABLE api_requests (
  token_id INTEGER NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
  at_ms INTEGER NOT NULL
);
CREATE INDEX api_requests_by_token ON api_requests (token_id, at_ms);
