/**
 * Scanned sheets: where each came from (file, page, the image's SHA-256, kept beside the congress
 * file), what the reader read, and the ballot it became. A person's decision on a doubtful sheet is
 * its own row, beside the reading, never over it. Both tables are append-only.
 */

/**
 * A sheet's columns: where it comes from (its election, its place in the feed and the stack, its
 * file and page), then what was seen and read, and by whom. 0009 rebuilds the table with them. Part
 * of both migrations: never edit.
 */
export const SCAN_SOURCE_COLUMNS = `  id            INTEGER PRIMARY KEY,
  election_id   INTEGER NOT NULL REFERENCES election(id),
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  batch_id      INTEGER REFERENCES batch(id),
  file          TEXT NOT NULL CHECK (length(file) > 0),
  page          INTEGER NOT NULL CHECK (page >= 1),
  pages         INTEGER NOT NULL CHECK (pages >= page),`;
export const SCAN_READ_COLUMNS = `  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  file_sha256   TEXT NOT NULL CHECK (length(file_sha256) = 64),
  status        TEXT NOT NULL CHECK (status IN ('read', 'review', 'rejected', 'skipped')),
  reason        TEXT,
  reading       TEXT NOT NULL CHECK (json_valid(reading)),
  ballot_n      INTEGER,
  scanned_by    TEXT NOT NULL,
  scanned_at    TEXT NOT NULL,`;

export const sql = `
CREATE TABLE scan (
${SCAN_SOURCE_COLUMNS}
  -- The page's own image (the file, for a one-page image), and the file kept beside the congress file.
${SCAN_READ_COLUMNS}
  UNIQUE (election_id, seq),
  UNIQUE (election_id, file_sha256, page),
  CHECK (status IN ('read', 'review') OR reason IS NOT NULL),
  CHECK ((ballot_n IS NOT NULL) = (status = 'read'))
) STRICT;
CREATE INDEX scan_image ON scan (election_id, sha256);
CREATE TRIGGER scan_immutable BEFORE UPDATE ON scan
BEGIN SELECT RAISE(ABORT, 'scanned sheets are immutable'); END;
CREATE TRIGGER scan_no_delete BEFORE DELETE ON scan
BEGIN SELECT RAISE(ABORT, 'scanned sheets are never deleted'); END;

CREATE TABLE scan_decision (
  scan_id       INTEGER PRIMARY KEY REFERENCES scan(id),
  ballot_n      INTEGER NOT NULL,
  decision      TEXT NOT NULL CHECK (json_valid(decision)),
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL
) STRICT;
CREATE TRIGGER scan_decision_immutable BEFORE UPDATE ON scan_decision
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER scan_decision_no_delete BEFORE DELETE ON scan_decision
BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
`;
