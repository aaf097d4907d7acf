-- Issue 15: deliveries to other systems (xAPI statements to an LRS now, LTI scores later) and the LRS settings.

-- One delivery waiting for, or done with, its destination. A row is written in the same transaction as the event
-- that causes it, so a crash loses nothing. Rows of one ordering key go out one after the other, in id order.
-- A process claims a row by writing its name and a deadline; a claim whose process died simply runs out.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  destination TEXT NOT NULL,
  ordering_key TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  -- One line for the admin's queue page, written with the row (the page need not know every kind's payload).
  summary TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT NOT NULL,
  claimed_by TEXT,
  claimed_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT
);
-- The scheduler's scan: rows not yet sent, by key and order.
CREATE INDEX outbox_unsent ON outbox (ordering_key, id) WHERE status <> 'sent';
CREATE INDEX outbox_due ON outbox (next_try_at) WHERE status = 'pending';
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE status = 'sent';

-- The organisation's learning record store (one organisation: one row). The secret is kept to sign requests and is
-- never shown again. `statement_namespace` makes statement ids unique to this installation (attempt ids are not).
CREATE TABLE lrs_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  endpoint TEXT,
  username TEXT,
  secret TEXT,
  activity_base TEXT,
  statement_namespace TEXT NOT NULL,
  pass_mark INTEGER NOT NULL DEFAULT 70 CHECK (pass_mark BETWEEN 0 AND 100),
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL
);
