-- The trainer's workspace (issue 13): scenarios written in the browser live here, with a draft
-- that saves itself, a history of versions, the version trainees get, and a log of who did what.
-- Files in scenarios/ keep working; an id belongs to whichever scenario used it first.

-- Every scenario id ever seen, with its first owner: a file (by path) or a workspace scenario.
-- A later file or workspace scenario with the same id is refused and named. Archiving applies to
-- any scenario: it leaves the catalogue and keeps its attempts and analytics.
CREATE TABLE scenario_ids (
  scenario_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL CHECK (owner IN ('file', 'workspace')),
  path TEXT,
  first_seen_at TEXT NOT NULL,
  archived_at TEXT,
  archived_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  CHECK ((owner = 'file') = (path IS NOT NULL))
);

CREATE TABLE workspace_scenarios (
  scenario_id TEXT PRIMARY KEY REFERENCES scenario_ids (scenario_id),
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  -- The version trainees get (a number in workspace_versions); NULL until first published.
  published_version INTEGER
);

-- One draft per scenario. `revision` goes up by one on every save: a save names the revision it
-- started from, and a different one means someone else saved in between (a conflict, never an
-- overwrite).
CREATE TABLE workspace_drafts (
  scenario_id TEXT PRIMARY KEY REFERENCES workspace_scenarios (scenario_id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  saved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  saved_at TEXT NOT NULL
);

-- Versions are made only by Save (with an optional note) and Publish; rows are never changed.
CREATE TABLE workspace_versions (
  scenario_id TEXT NOT NULL REFERENCES workspace_scenarios (scenario_id),
  number INTEGER NOT NULL CHECK (number >= 1),
  source TEXT NOT NULL,
  hash TEXT NOT NULL,
  author INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (scenario_id, number)
);

CREATE TABLE workspace_audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor INTEGER REFERENCES users (id) ON DELETE SET NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'duplicate', 'import', 'save', 'publish', 'rollback', 'archive', 'unarchive')),
  scenario_id TEXT NOT NULL,
  version INTEGER,
  detail TEXT
);
CREATE INDEX workspace_audit_at ON workspace_audit (at DESC, id DESC);

-- Saves per trainer per minute, for the save rate limit (autosaves included). In SQLite rather
-- than memory so that several server processes share one limit.
CREATE TABLE workspace_save_counts (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  minute TEXT NOT NULL,
  saves INTEGER NOT NULL,
  PRIMARY KEY (user_id, minute)
);

-- Bumped by every publish, roll back, archive and unarchive. Each server process compares it with
-- the one its library was loaded at, so every process serves a new version at once.
CREATE TABLE library_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO library_generation (id, generation) VALUES (1, 0);

-- A trainer's preview of a draft: played like any attempt, shown only in the workspace.
ALTER TABLE attempts ADD COLUMN preview INTEGER NOT NULL DEFAULT 0 CHECK (preview IN (0, 1));
