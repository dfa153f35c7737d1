/**
 * Independent readings of a stack (issue 12). Per election how many readings each stack needs
 * (1: a ballot entered is counted, as before). Per stack (a batch) its state and the positions
 * where its readings differ; per reading who read it, kind, station, start and end; the ballots of
 * each reading in stack order (not the election's ballots until the stack is agreed or resolved);
 * the committee's rulings beside the readings, never over them; the committee's confirmations of
 * an election's result. Readings' ballots carry no time: times are per reading, never per ballot.
 * Rows are written once, except the few columns a transition moves (guarded by triggers).
 */
export const sql = `
ALTER TABLE election ADD COLUMN readings INTEGER NOT NULL DEFAULT 1 CHECK (readings IN (1, 2, 3));

CREATE TABLE reading_stack (
  batch_id      INTEGER PRIMARY KEY REFERENCES batch(id),
  election_id   INTEGER NOT NULL REFERENCES election(id),
  required      INTEGER NOT NULL CHECK (required IN (1, 2, 3)),
  status        TEXT NOT NULL CHECK (status IN ('open', 'reading', 'differ', 'resolved', 'agreed')),
  -- The positions (from 1) where the readings differ, once compared.
  differences   TEXT CHECK (differences IS NULL OR json_valid(differences)),
  -- When the stack's ballots became the election's (agreed or resolved).
  settled_at    TEXT,
  CHECK ((settled_at IS NOT NULL) = (status IN ('agreed', 'resolved')))
) STRICT;
CREATE INDEX reading_stack_election ON reading_stack (election_id);
-- A settled stack never changes; an unsettled one moves only its state and differences.
CREATE TRIGGER reading_stack_moves BEFORE UPDATE ON reading_stack
WHEN OLD.status IN ('agreed', 'resolved') OR NEW.batch_id IS NOT OLD.batch_id
  OR NEW.election_id IS NOT OLD.election_id OR NEW.required IS NOT OLD.required
  OR (OLD.differences IS NOT NULL AND NEW.differences IS NOT OLD.differences)
BEGIN SELECT RAISE(ABORT, 'a stack moves only forward'); END;
CREATE TRIGGER reading_stack_no_delete BEFORE DELETE ON reading_stack
BEGIN SELECT RAISE(ABORT, 'stacks are never deleted'); END;

CREATE TABLE reading (
  id            INTEGER PRIMARY KEY,
  batch_id      INTEGER NOT NULL REFERENCES reading_stack(batch_id),
  -- Its number among the stack's readings, from 1, in the order they were started.
  ord           INTEGER NOT NULL CHECK (ord >= 1),
  kind          TEXT NOT NULL CHECK (kind IN ('keyboard', 'scan', 'confirm')),
  operator      TEXT NOT NULL CHECK (length(operator) > 0),
  station       TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  state         TEXT NOT NULL CHECK (state IN ('reading', 'finished', 'abandoned')),
  UNIQUE (batch_id, ord),
  CHECK ((finished_at IS NULL) = (state = 'reading'))
) STRICT;
CREATE TRIGGER reading_ends_once BEFORE UPDATE ON reading
WHEN OLD.state IS NOT 'reading' OR NEW.id IS NOT OLD.id OR NEW.batch_id IS NOT OLD.batch_id
  OR NEW.ord IS NOT OLD.ord OR NEW.kind IS NOT OLD.kind OR NEW.operator IS NOT OLD.operator
  OR NEW.station IS NOT OLD.station OR NEW.started_at IS NOT OLD.started_at
BEGIN SELECT RAISE(ABORT, 'a reading only ends, once'); END;
CREATE TRIGGER reading_no_delete BEFORE DELETE ON reading
BEGIN SELECT RAISE(ABORT, 'readings are never deleted'); END;

CREATE TABLE reading_ballot (
  reading_id    INTEGER NOT NULL REFERENCES reading(id),
  position      INTEGER NOT NULL CHECK (position >= 1),
  body          TEXT NOT NULL CHECK (json_valid(body)),
  -- A station's save key, as a digest (db/secret-ballot.ts).
  client_key    TEXT,
  PRIMARY KEY (reading_id, position)
) STRICT;
CREATE UNIQUE INDEX reading_ballot_key ON reading_ballot (reading_id, client_key)
  WHERE client_key IS NOT NULL;
CREATE TRIGGER reading_ballot_open BEFORE INSERT ON reading_ballot
WHEN (SELECT state FROM reading WHERE id = NEW.reading_id) IS NOT 'reading'
BEGIN SELECT RAISE(ABORT, 'the reading is not under way'); END;
CREATE TRIGGER reading_ballot_immutable BEFORE UPDATE ON reading_ballot
BEGIN SELECT RAISE(ABORT, 'a reading''s ballots are immutable'); END;
CREATE TRIGGER reading_ballot_no_delete BEFORE DELETE ON reading_ballot
BEGIN SELECT RAISE(ABORT, 'a reading''s ballots are never deleted'); END;

-- A later ruling of the same position replaces an earlier one (both stay).
CREATE TABLE reading_resolution (
  id            INTEGER PRIMARY KEY,
  batch_id      INTEGER NOT NULL REFERENCES reading_stack(batch_id),
  position      INTEGER NOT NULL CHECK (position >= 1),
  -- The reading chosen, by its number among the compared readings (lần 1, 2, 3) ...
  reading       INTEGER CHECK (reading IS NULL OR reading BETWEEN 1 AND 3),
  -- ... or the ballot the committee entered from the paper.
  ballot        TEXT CHECK (ballot IS NULL OR json_valid(ballot)),
  resolved_by   TEXT NOT NULL CHECK (length(resolved_by) > 0),
  resolved_at   TEXT NOT NULL,
  CHECK ((reading IS NULL) <> (ballot IS NULL))
) STRICT;
CREATE TRIGGER reading_resolution_immutable BEFORE UPDATE ON reading_resolution
BEGIN SELECT RAISE(ABORT, 'rulings are immutable'); END;
CREATE TRIGGER reading_resolution_no_delete BEFORE DELETE ON reading_resolution
BEGIN SELECT RAISE(ABORT, 'rulings are never deleted'); END;

-- The counting committee's confirmation of an election's result, by a committee member's PIN.
CREATE TABLE confirmation (
  id            INTEGER PRIMARY KEY,
  election_id   INTEGER NOT NULL REFERENCES election(id),
  confirmed_by  TEXT NOT NULL CHECK (length(confirmed_by) > 0),
  confirmed_at  TEXT NOT NULL,
  -- The audit row of the confirmation: a later change to the result needs a new one.
  audit_seq     INTEGER NOT NULL CHECK (audit_seq >= 1)
) STRICT;
CREATE TRIGGER confirmation_immutable BEFORE UPDATE ON confirmation
BEGIN SELECT RAISE(ABORT, 'confirmations are immutable'); END;
CREATE TRIGGER confirmation_no_delete BEFORE DELETE ON confirmation
BEGIN SELECT RAISE(ABORT, 'confirmations are never deleted'); END;
`;
