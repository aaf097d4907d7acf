-- Issue 15: the pass mark is one organisation-wide grading setting, read by xAPI, SCORM and LTI grades alike. It was a
-- column of lrs_settings (0010), which tied it to the LRS; it moves here, keeping a value an admin had changed.

-- One organisation: at most one row. No row means the default, 70 (app/grading/pass-mark.server.ts).
CREATE TABLE grading_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pass_mark INTEGER NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL
);

-- Only a changed mark is carried over: who saved the LRS form then did set it. An unchanged 70 stays the default.
INSERT INTO grading_settings (id, pass_mark, updated_by, updated_at)
  SELECT 1, pass_mark, updated_by, updated_at FROM lrs_settings WHERE id = 1 AND pass_mark <> 70;

-- SQLite 3.35+ drops a column in place (its own CHECK goes with it), so lrs_settings keeps its rows and references.
ALTER TABLE lrs_settings DROP COLUMN pass_mark;
