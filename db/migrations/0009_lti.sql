-- foreign_keys: off (the users table is rebuilt; the runner checks every foreign key before it commits)
-- LTI 1.3: learning platforms, Frontline's signing keys, one-time launch states, and the people, courses and
-- resource links launches bring.

-- People launched from a platform may have no email and never a password. SQLite cannot drop NOT NULL in place, so
-- the table is rebuilt by its documented procedure: with foreign keys off, a new table is filled, the old dropped and
-- the new renamed (other tables' REFERENCES users clauses are left as they are). Ids are copied, so references hold.
CREATE TABLE users_after_lti (
  id INTEGER PRIMARY KEY,
  -- NULL for a launched person whose platform sent no email. Never used to join an LTI identity to an account.
  email TEXT UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('trainee', 'trainer', 'manager', 'admin')),
  -- The team a trainee belongs to; managers are linked through team_managers.
  team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- NULL: no password sign-in at all (a launched person). A password needs an email to sign in with.
  password_hash TEXT CHECK (password_hash IS NULL OR email IS NOT NULL),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO users_after_lti (id, email, display_name, role, team_id, active, password_hash, created_at, updated_at)
  SELECT id, email, display_name, role, team_id, active, password_hash, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_after_lti RENAME TO users;
CREATE INDEX users_team ON users (team_id);

CREATE TABLE lti_platforms (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  -- The platform's OIDC authorization endpoint, its OAuth 2 token endpoint and its public keys.
  auth_url TEXT NOT NULL,
  token_url TEXT NOT NULL,
  jwks_url TEXT NOT NULL,
  -- The platform's Administrator role makes a Frontline admin only when an admin opted in for this platform.
  map_administrators INTEGER NOT NULL DEFAULT 0 CHECK (map_administrators IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (issuer, client_id)
);

CREATE TABLE lti_deployments (
  platform_id INTEGER NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL CHECK (length(deployment_id) BETWEEN 1 AND 255),
  PRIMARY KEY (platform_id, deployment_id)
);

-- Frontline's RSA signing keys. The newest unretired key signs; a retired key stays in the JWKS until
-- retired_at plus the grace period, so that platforms holding a cached copy still verify what it signed.
CREATE TABLE lti_keys (
  kid TEXT PRIMARY KEY,
  public_jwk TEXT NOT NULL,
  -- AES-256-GCM of the PKCS#8 PEM under LTI_KEY_SECRET: "v1.<iv>.<ciphertext>.<tag>" in base64url.
  private_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
);

-- One row per login initiation: the state handed to the platform and the nonce it must sign into the id_token.
-- used_at makes both single-use; rows are swept after they expire.
CREATE TABLE lti_launch_states (
  state TEXT PRIMARY KEY,
  nonce TEXT NOT NULL UNIQUE,
  platform_id INTEGER NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX lti_launch_states_expiry ON lti_launch_states (expires_at);

-- A launched person is (issuer, sub), never an email: matching by email would let a platform take over an account.
CREATE TABLE lti_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_launch_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX lti_identities_user ON lti_identities (user_id);

-- A course (context) is a team, made at its first launch. A context id is unique within its deployment.
CREATE TABLE lti_contexts (
  id INTEGER PRIMARY KEY,
  issuer TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  context_id TEXT NOT NULL,
  title TEXT,
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  UNIQUE (issuer, deployment_id, context_id)
);

-- Every course a person launched from, with the roles it gave them. users.team_id is the team of their first course
-- (one person, one history); this table is the whole picture, for when team pages read membership.
CREATE TABLE lti_memberships (
  context_id INTEGER NOT NULL REFERENCES lti_contexts (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  roles TEXT NOT NULL,
  first_launch_at TEXT NOT NULL,
  last_launch_at TEXT NOT NULL,
  PRIMARY KEY (context_id, user_id)
);
CREATE INDEX lti_memberships_user ON lti_memberships (user_id);

-- A placement in a course. What grade passback needs later: the line item the launch named (AGS claim) and the
-- scopes the platform granted, plus the scenario it opens.
CREATE TABLE lti_resource_links (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  resource_link_id TEXT NOT NULL,
  context_id INTEGER REFERENCES lti_contexts (id) ON DELETE SET NULL,
  title TEXT,
  scenario_id TEXT,
  line_item_url TEXT,
  line_items_url TEXT,
  ags_scopes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (platform_id, deployment_id, resource_link_id)
);

-- A deep linking request waiting for the instructor's choice: where to post the answer and what to hand back.
CREATE TABLE lti_deep_link_requests (
  id TEXT PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  return_url TEXT NOT NULL,
  data TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX lti_deep_link_requests_expiry ON lti_deep_link_requests (expires_at);

-- A launch's one-time handoff: where the launch leads, for a browser that kept the SameSite=None cookie out of the
-- platform's frame (third-party cookies blocked). Opened in a top-level window, it starts an ordinary session there.
-- Only the SHA-256 of the token is kept.
CREATE TABLE lti_handoffs (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX lti_handoffs_expiry ON lti_handoffs (expires_at);
