/** The first schema of the congress file. STRICT tables, CHECK constraints, foreign keys. */

/**
 * Trigger ballot_immutable's condition: a column of a ballot version that never changes did.
 * 0002 recreates the trigger with its new column added. Part of both migrations: never edit.
 */
export const FIXED_BALLOT_COLUMNS_CHANGED = `NEW.id IS NOT OLD.id OR NEW.election_id IS NOT OLD.election_id OR NEW.n IS NOT OLD.n
  OR NEW.version IS NOT OLD.version OR NEW.body IS NOT OLD.body
  OR NEW.ruling_code IS NOT OLD.ruling_code OR NEW.ruling_note IS NOT OLD.ruling_note
  OR NEW.voided IS NOT OLD.voided OR NEW.void_reason IS NOT OLD.void_reason
  OR NEW.change IS NOT OLD.change OR NEW.batch_id IS NOT OLD.batch_id
  OR NEW.entered_by IS NOT OLD.entered_by OR NEW.entered_at IS NOT OLD.entered_at`;

export const sql = `
CREATE TABLE congress (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  organisation  TEXT NOT NULL CHECK (length(organisation) > 0),
  kind          TEXT NOT NULL CHECK (kind IN ('delegates', 'members')),
  rules         TEXT NOT NULL DEFAULT 'party'
                CHECK (rules IN ('party', 'valid-ballots', 'collected-ballots')),
  term          TEXT,
  place         TEXT,
  date_start    TEXT CHECK (date_start IS NULL OR date_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  date_end      TEXT CHECK (date_end IS NULL OR date_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

CREATE TABLE delegate (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) > 0),
  unit          TEXT,
  category      TEXT,
  status        TEXT NOT NULL CHECK (status IN ('official', 'alternate')),
  attendance    TEXT NOT NULL DEFAULT 'unknown' CHECK (attendance IN ('unknown', 'present', 'absent')),
  attendance_at TEXT,
  ord           INTEGER NOT NULL
) STRICT;

-- election_id NULL: the congress's base; otherwise a conference election's own base.
CREATE TABLE base (
  id            INTEGER PRIMARY KEY,
  election_id   INTEGER UNIQUE REFERENCES election(id),
  convened      INTEGER NOT NULL CHECK (convened >= 0),
  present       INTEGER CHECK (present IS NULL OR present >= 0),
  override_base INTEGER CHECK (override_base IS NULL OR override_base >= 1),
  override_note TEXT,
  CHECK ((override_base IS NULL) = (override_note IS NULL))
) STRICT;
CREATE UNIQUE INDEX base_congress ON base ((election_id IS NULL)) WHERE election_id IS NULL;

CREATE TABLE base_exclusion (
  base_id       INTEGER NOT NULL REFERENCES base(id) ON DELETE CASCADE,
  ord           INTEGER NOT NULL,
  category      TEXT NOT NULL,
  count         INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (base_id, ord)
) STRICT;

CREATE TABLE committee_member (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) > 0),
  role          TEXT NOT NULL CHECK (role IN ('head', 'member')),
  ord           INTEGER NOT NULL
) STRICT;

CREATE TABLE operator (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  role          TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'committee')),
  pin_hash      TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE election (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  title         TEXT NOT NULL CHECK (length(title) > 0),
  kind          TEXT NOT NULL CHECK (kind IN ('committee', 'standing-committee', 'secretary',
                  'deputy-secretary', 'inspection-committee', 'inspection-chair',
                  'official-delegates', 'alternate-delegates', 'other')),
  layout        TEXT NOT NULL CHECK (layout IN ('strike', 'approve')),
  seats         INTEGER NOT NULL CHECK (seats >= 1),
  round         INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  parent_code   TEXT,
  -- NULL: the congress's rule set; an imported record keeps its own.
  rules         TEXT CHECK (rules IS NULL OR rules IN ('party', 'valid-ballots', 'collected-ballots')),
  status        TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'open', 'counting', 'closed', 'finalized', 'suspended')),
  status_before_suspension TEXT,
  suspended_note TEXT,
  issued        INTEGER CHECK (issued IS NULL OR issued >= 0),
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE candidate (
  id            INTEGER PRIMARY KEY,
  election_id   INTEGER NOT NULL REFERENCES election(id),
  code          TEXT NOT NULL CHECK (length(code) > 0),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  ord           INTEGER NOT NULL CHECK (ord >= 1),
  UNIQUE (election_id, code),
  UNIQUE (election_id, ord)
) STRICT;

CREATE TABLE batch (
  id            INTEGER PRIMARY KEY,
  election_id   INTEGER NOT NULL REFERENCES election(id),
  label         TEXT NOT NULL,
  declared      INTEGER NOT NULL CHECK (declared >= 1),
  closed        INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
) STRICT;

-- Every version of every ballot: a correction, a void or a ruling adds a version; the earlier
-- versions stay. Exactly one version per (election, n) is current.
CREATE TABLE ballot (
  id            INTEGER PRIMARY KEY,
  election_id   INTEGER NOT NULL REFERENCES election(id),
  n             INTEGER NOT NULL CHECK (n >= 1),
  version       INTEGER NOT NULL CHECK (version >= 1),
  current       INTEGER NOT NULL CHECK (current IN (0, 1)),
  body          TEXT NOT NULL CHECK (json_valid(body)),
  ruling_code   TEXT CHECK (ruling_code IS NULL OR ruling_code IN ('not-issued', 'added-name', 'marked', 'other')),
  ruling_note   TEXT,
  voided        INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  void_reason   TEXT,
  change        TEXT NOT NULL CHECK (change IN ('enter', 'correct', 'void', 'rule', 'import')),
  change_reason TEXT,
  batch_id      INTEGER REFERENCES batch(id),
  entered_by    TEXT NOT NULL,
  entered_at    TEXT NOT NULL,
  UNIQUE (election_id, n, version),
  CHECK (voided = 0 OR void_reason IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX ballot_current ON ballot (election_id, n) WHERE current = 1;

-- A ballot version never changes; only its current flag is cleared when a newer one replaces it.
CREATE TRIGGER ballot_immutable BEFORE UPDATE ON ballot
WHEN ${FIXED_BALLOT_COLUMNS_CHANGED}
  OR NOT (OLD.current = 1 AND NEW.current = 0)
BEGIN SELECT RAISE(ABORT, 'ballot versions are immutable'); END;
CREATE TRIGGER ballot_no_delete BEFORE DELETE ON ballot
BEGIN SELECT RAISE(ABORT, 'ballots are never deleted'); END;
-- The finalize lock, also in the file itself.
CREATE TRIGGER ballot_locked BEFORE INSERT ON ballot
WHEN (SELECT status FROM election WHERE id = NEW.election_id) IS NOT 'counting'
BEGIN SELECT RAISE(ABORT, 'the election does not accept ballots'); END;

CREATE TABLE audit (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  command       TEXT NOT NULL,
  payload       TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash     TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash          TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
