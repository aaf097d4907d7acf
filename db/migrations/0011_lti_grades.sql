-- LTI grade passback (Assignment and Grade Services): who launched through which resource link, and links that
-- place a whole skill pathway rather than one scenario.

-- A deep-linked pathway. NULL for a link that opens one scenario (scenario_id) or nothing known yet.
ALTER TABLE lti_resource_links ADD COLUMN pathway_id INTEGER REFERENCES pathways (id) ON DELETE SET NULL;

-- Everyone who launched through a link, with the `sub` the platform knows them by: a score goes to the platform as
-- that userId. Grades count the attempts a person started from their first launch through the link on.
CREATE TABLE lti_link_learners (
  link_id INTEGER NOT NULL REFERENCES lti_resource_links (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  first_launch_at TEXT NOT NULL,
  last_launch_at TEXT NOT NULL,
  PRIMARY KEY (link_id, user_id)
);
CREATE INDEX lti_link_learners_user ON lti_link_learners (user_id);
