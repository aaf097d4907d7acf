-- Role-play attempts. Every attempt is pinned to the exact scenario version it began with:
-- the compiled version is stored here, so editing or deleting the file never breaks it.

CREATE TABLE scenario_versions (
  hash TEXT PRIMARY KEY,              -- sha256 of the MDX source
  scenario_id TEXT NOT NULL,
  title TEXT NOT NULL,
  compiled TEXT NOT NULL,             -- JSON: validated scenario graph and rendered HTML pieces
  created_at TEXT NOT NULL
);
CREATE INDEX scenario_versions_scenario ON scenario_versions (scenario_id);

CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scenario_id TEXT NOT NULL,
  scenario_hash TEXT NOT NULL REFERENCES scenario_versions (hash),
  -- abandoned: the trainee started the scenario over; kept for the record, left out of scores.
  status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
  turns INTEGER NOT NULL DEFAULT 0 CHECK (turns >= 0),
  snapshot TEXT NOT NULL,             -- persisted XState snapshot (JSON)
  step_shown_at TEXT NOT NULL,        -- when the current step was put before the trainee
  started_at TEXT NOT NULL,
  ended_at TEXT,
  ending_id TEXT,
  outcome TEXT CHECK (outcome IN ('delighted', 'satisfied', 'neutral', 'escalated', 'lost')),
  csat INTEGER CHECK (csat BETWEEN 1 AND 5),
  resolved INTEGER CHECK (resolved IN (0, 1)),
  mood INTEGER,
  listening INTEGER CHECK (listening BETWEEN 0 AND 100),
  empathy INTEGER CHECK (empathy BETWEEN 0 AND 100),
  calm INTEGER CHECK (calm BETWEEN 0 AND 100),
  persuasion INTEGER CHECK (persuasion BETWEEN 0 AND 100),
  expectations INTEGER CHECK (expectations BETWEEN 0 AND 100),
  overall INTEGER CHECK (overall BETWEEN 0 AND 100),
  CHECK ((status = 'in-progress') = (ended_at IS NULL))
);
CREATE INDEX attempts_user ON attempts (user_id, started_at);
CREATE INDEX attempts_scenario ON attempts (scenario_id, status);

CREATE TABLE attempt_turns (
  attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  turn INTEGER NOT NULL CHECK (turn >= 1),
  step_id TEXT NOT NULL,
  choice_id TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  response_ms INTEGER NOT NULL CHECK (response_ms >= 0),
  chosen_at TEXT NOT NULL,
  PRIMARY KEY (attempt_id, turn)
) WITHOUT ROWID;
