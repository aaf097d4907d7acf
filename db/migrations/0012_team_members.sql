-- Issue 15: who is in a team. A person's own team (users.team_id: a launched learner's first course) or any course team
-- they launched from (lti_memberships through lti_contexts.team_id). Team pages ask this view "who are the learners of
-- team X"; anything that groups people by team across the organisation keeps reading users.team_id, so nobody is
-- counted twice. A person may be a member of one team both ways: UNION keeps one row.
--
-- A migration that rebuilds users or lti_contexts (new table, drop, rename) must drop this view first and make it again
-- after: SQLite refuses to rename a table while a view names a table that is gone.
CREATE VIEW team_members (team_id, user_id) AS
  SELECT team_id, id FROM users WHERE team_id IS NOT NULL
  UNION
  SELECT c.team_id, m.user_id FROM lti_memberships m JOIN lti_contexts c ON c.id = m.context_id;

-- "Members of these teams" looks contexts up by team; lti_memberships' primary key (context_id, user_id) does the rest.
CREATE INDEX lti_contexts_team ON lti_contexts (team_id);
