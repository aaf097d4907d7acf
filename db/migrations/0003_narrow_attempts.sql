-- Managers' queries scan attempts by trainee and date; the XState snapshots (most of each row's
-- bytes) move to their own table so those scans read narrow rows.
CREATE TABLE attempt_snapshots (
  attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
  snapshot TEXT NOT NULL
);
INSERT INTO attempt_snapshots (attempt_id, snapshot) SELECT id, snapshot FROM attempts;
ALTER TABLE attempts DROP COLUMN snapshot;

CREATE INDEX attempts_user_completed ON attempts (user_id, ended_at) WHERE status = 'completed';
