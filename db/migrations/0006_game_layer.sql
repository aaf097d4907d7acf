-- The game layer (issue 12): what the rules read from each finished attempt, the trainee's game
-- state kept up to date as conversations end, review cards of missed decisions, assignments and
-- skill pathways, core scenarios and certificates, and per-team game settings.
-- Everything here except the review log, assignments, pathways, core scenarios, certificates and
-- settings can be rebuilt from the attempts (npm run game -- rebuild).

-- What a scenario version is, for badges, locks and recommendations without reading its JSON.
ALTER TABLE scenario_versions ADD COLUMN persona TEXT CHECK (persona IN ('angry', 'confused', 'patient'));
ALTER TABLE scenario_versions ADD COLUMN channel TEXT CHECK (channel IN ('phone', 'chat', 'email', 'in-person', 'social'));
ALTER TABLE scenario_versions ADD COLUMN difficulty INTEGER CHECK (difficulty IN (1, 2, 3));
UPDATE scenario_versions SET
  persona = json_extract(compiled, '$.scenario.persona'),
  channel = json_extract(compiled, '$.scenario.channel'),
  difficulty = json_extract(compiled, '$.scenario.difficulty');

-- Facts of a finished attempt that the game rules read (app/game/history.ts), written when it
-- completes. NULL on attempts finished before this migration until the start-up catch-up fills them.
ALTER TABLE attempts ADD COLUMN best_replies INTEGER CHECK (best_replies >= 0);
ALTER TABLE attempts ADD COLUMN fair_replies INTEGER CHECK (fair_replies >= 0);
ALTER TABLE attempts ADD COLUMN poor_replies INTEGER CHECK (poor_replies >= 0);
ALTER TABLE attempts ADD COLUMN lowest_mood INTEGER CHECK (lowest_mood BETWEEN -5 AND 5);
ALTER TABLE attempts ADD COLUMN rushed INTEGER CHECK (rushed IN (0, 1));

-- Admin settings of the game, dated: a change holds from `from_day` (a UTC day) on, so the past
-- keeps the value it had and a rebuild gives the same totals. Rows are never updated or deleted.
CREATE TABLE game_settings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name IN ('dailyCap', 'weeklyGoal')),
  value INTEGER NOT NULL,
  from_day TEXT NOT NULL,
  set_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  set_at TEXT NOT NULL
);

-- One trainee's game state (app/game/rebuild.ts GameState as JSON), as of their latest
-- finished conversation. `conversations` is how many finished attempts it has applied: fewer
-- than the attempts table holds means a write was lost, and the state is rebuilt.
CREATE TABLE game_states (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  xp INTEGER NOT NULL CHECK (xp >= 0),
  conversations INTEGER NOT NULL CHECK (conversations >= 0),
  updated_at TEXT NOT NULL
);

-- The XP each finished conversation earned, itemised (XpAward lines as JSON), with the badges
-- and levels it reached: the debrief reads it, and the week's XP is summed from it.
CREATE TABLE attempt_awards (
  attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  xp INTEGER NOT NULL,
  lines TEXT NOT NULL,
  badges TEXT NOT NULL,
  levels TEXT NOT NULL
);
CREATE INDEX attempt_awards_user_day ON attempt_awards (user_id, day);

-- Review cards of missed decisions: one per trainee × scenario version × step
-- (app/review/cards.ts). `schedule` is the FSRS card as JSON; `due_at` is copied out of it.
CREATE TABLE review_cards (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scenario_id TEXT NOT NULL,
  scenario_hash TEXT NOT NULL REFERENCES scenario_versions (hash),
  step_id TEXT NOT NULL,
  visible TEXT NOT NULL,
  created_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  schedule TEXT NOT NULL,
  PRIMARY KEY (user_id, scenario_hash, step_id)
) WITHOUT ROWID;
CREATE INDEX review_cards_due ON review_cards (user_id, due_at);

-- Every answered review, and every later conversation that missed a card's decision again
-- (source 'conversation'): the cards are rebuilt from this log and the attempts.
CREATE TABLE review_log (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scenario_hash TEXT NOT NULL,
  step_id TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('review', 'conversation')),
  attempt_id INTEGER REFERENCES attempts (id) ON DELETE CASCADE,
  chosen_id TEXT,
  rating TEXT NOT NULL CHECK (rating IN ('best', 'fair', 'poor')),
  reviewed_at TEXT NOT NULL,
  CHECK ((source = 'review') = (attempt_id IS NULL))
);
CREATE INDEX review_log_user ON review_log (user_id, reviewed_at);

-- A skill pathway: an ordered list of scenarios for one skill, defined by an admin or trainer.
CREATE TABLE pathways (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  skill TEXT NOT NULL CHECK (skill IN ('listening', 'empathy', 'calm', 'persuasion', 'expectations')),
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE pathway_scenarios (
  pathway_id INTEGER NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  scenario_id TEXT NOT NULL,
  PRIMARY KEY (pathway_id, position)
) WITHOUT ROWID;

-- A manager's assignment of one scenario or one pathway to one trainee or a whole team.
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  scenario_id TEXT,
  pathway_id INTEGER REFERENCES pathways (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  team_id INTEGER REFERENCES teams (id) ON DELETE CASCADE,
  due_on TEXT,
  assigned_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT,
  CHECK ((scenario_id IS NULL) <> (pathway_id IS NULL)),
  CHECK ((user_id IS NULL) <> (team_id IS NULL))
);
CREATE INDEX assignments_user ON assignments (user_id) WHERE removed_at IS NULL;
CREATE INDEX assignments_team ON assignments (team_id) WHERE removed_at IS NULL;

-- The scenarios a certificate requires, set by an admin (no front-matter key).
CREATE TABLE core_scenarios (
  scenario_id TEXT PRIMARY KEY,
  added_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  added_at TEXT NOT NULL
);

-- A certificate, once earned, stays valid. `code` is the unguessable part of its public
-- verification URL; `core_set` (JSON) records the core scenarios it was earned on.
CREATE TABLE certificates (
  code TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  holder_name TEXT NOT NULL,
  earned_at TEXT NOT NULL,
  core_set TEXT NOT NULL
);

-- Per team: the optional XP leaderboard (off by default) and a shared weekly goal.
CREATE TABLE team_game_settings (
  team_id INTEGER PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  leaderboard INTEGER NOT NULL DEFAULT 0 CHECK (leaderboard IN (0, 1)),
  weekly_goal INTEGER CHECK (weekly_goal BETWEEN 1 AND 10000),
  updated_at TEXT NOT NULL
);

-- A trainee may keep their name off their team's leaderboard.
CREATE TABLE leaderboard_preferences (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  hidden INTEGER NOT NULL CHECK (hidden IN (0, 1)),
  updated_at TEXT NOT NULL
);
