-- Replies in an order of their own per attempt, and a time limit the trainee can adjust (WCAG 2.2.1).

-- The seed from which the play page and the debrief order each step's replies (app/attempts/reply-order.ts);
-- a random 32-bit number written when the attempt starts. Attempts begun before this migration keep
-- NULL: they were shown (and are reviewed) in the authored order, which is what their trainees saw.
ALTER TABLE attempts ADD COLUMN order_seed INTEGER CHECK (order_seed BETWEEN 0 AND 4294967295);

-- The time limit the attempt runs under now: normal (the step's patience), extended (twice it) or
-- none. Earlier attempts ran under the normal limit.
ALTER TABLE attempts ADD COLUMN timing TEXT NOT NULL DEFAULT 'normal' CHECK (timing IN ('normal', 'extended', 'none'));

-- The limit each reply was judged under, so a change during the attempt stays on the record.
ALTER TABLE attempt_turns ADD COLUMN timing TEXT NOT NULL DEFAULT 'normal' CHECK (timing IN ('normal', 'extended', 'none'));

-- A trainee's default time limit for new attempts; no row means normal.
CREATE TABLE user_preferences (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  timing TEXT NOT NULL CHECK (timing IN ('normal', 'extended', 'none')),
  updated_at TEXT NOT NULL
);
