-- Real customer outcomes from the helpdesk: imports (CSV or API), the tickets they bring, how
-- helpdesk agents map to Frontline users, and the organisation's API tokens.
-- No customer personal data is stored: no names, emails or message text, only what is below.

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- SHA-256 of the secret, hex. The secret itself is shown once and never stored.
  token_hash TEXT NOT NULL UNIQUE,
  -- The first characters of the secret, so an admin can tell tokens apart.
  prefix TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  last_used_at TEXT
);

CREATE TABLE outcome_imports (
  id INTEGER PRIMARY KEY,
  -- The label given at upload ("api" for pushes); with a ticket id it is the ticket's key.
  source TEXT NOT NULL CHECK (length(trim(source)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('csv', 'api')),
  -- 'generic', a preset's id, or 'mapped' (a column mapping); 'api' for pushes.
  format TEXT NOT NULL,
  file_name TEXT,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  token_id INTEGER REFERENCES api_tokens (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  -- importing: rows are being written; committed: counted; undone: removed by a person;
  -- failed: stopped part-way (a restart) and rolled back like an undo.
  status TEXT NOT NULL CHECK (status IN ('importing', 'committed', 'undone', 'failed')),
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_added INTEGER NOT NULL DEFAULT 0,
  rows_replacing INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_refused INTEGER NOT NULL DEFAULT 0,
  agents_matched INTEGER NOT NULL DEFAULT 0,
  agents_unknown INTEGER NOT NULL DEFAULT 0,
  date_from TEXT,
  date_to TEXT,
  finished_at TEXT,
  undone_at TEXT,
  undone_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX outcome_imports_created ON outcome_imports (created_at);

-- The teams an import was made for; none means the whole organisation (an admin's upload or a push).
-- A manager sees an import only when all of its teams are theirs.
CREATE TABLE outcome_import_teams (
  import_id INTEGER NOT NULL REFERENCES outcome_imports (id) ON DELETE CASCADE,
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (import_id, team_id)
);

-- Every version of a ticket that an import brought. Exactly one version per (source, ticket_id)
-- is current: the newest ticket time among committed imports (the latest import on a tie).
-- Keeping the versions is what lets an undo restore the rows an import replaced.
CREATE TABLE helpdesk_tickets (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES outcome_imports (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  -- The agent as the helpdesk names them (an email or a name), trimmed and lower-cased.
  agent_key TEXT NOT NULL,
  -- The Frontline user behind agent_key, matched by email or through helpdesk_agents; NULL while unknown.
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  ticket_at TEXT NOT NULL,
  -- The rating as given, its scale, and the same rating on 0–1 (NULL when the customer gave none).
  rating_raw TEXT,
  scale TEXT CHECK (scale IN ('good-bad', '1-5', '1-10', '0-10')),
  rating REAL CHECK (rating BETWEEN 0 AND 1),
  -- Satisfied in the industry's CSAT sense: 4–5 of 5, 9–10 of 10 and of 0–10, "good" of good/bad.
  satisfied INTEGER CHECK (satisfied IN (0, 1)),
  solved_first_contact INTEGER CHECK (solved_first_contact IN (0, 1)),
  reopened INTEGER CHECK (reopened IN (0, 1)),
  -- Resolution as the page counts it: solved on first contact and not reopened.
  resolved_first INTEGER GENERATED ALWAYS AS (
    CASE WHEN solved_first_contact IS NULL THEN NULL
         WHEN solved_first_contact = 1 AND ifnull(reopened, 0) = 0 THEN 1 ELSE 0 END
  ) VIRTUAL,
  channel TEXT,
  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1))
);
CREATE UNIQUE INDEX helpdesk_tickets_current_key ON helpdesk_tickets (source, ticket_id) WHERE is_current = 1;
CREATE INDEX helpdesk_tickets_key ON helpdesk_tickets (source, ticket_id, ticket_at);
CREATE INDEX helpdesk_tickets_import ON helpdesk_tickets (import_id);
CREATE INDEX helpdesk_tickets_user_time ON helpdesk_tickets (user_id, ticket_at, satisfied, rating, solved_first_contact, reopened)
  WHERE is_current = 1;

-- Helpdesk agents whose name or address is not a Frontline email, mapped to a user once;
-- the mapping holds for every later import and can be changed.
CREATE TABLE helpdesk_agents (
  agent_key TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  mapped_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  mapped_at TEXT NOT NULL
);

-- An uploaded file waiting between its preview and its commit (or abandonment); swept after a day.
CREATE TABLE outcome_uploads (
  id TEXT PRIMARY KEY,
  created_by INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
