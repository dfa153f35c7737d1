/**
 * A scanner pass can be one of a stack's independent readings (issue 12): its sheets then belong to
 * that reading and become the reading's ballots, not the election's, so a sheet read with
 * certainty carries no ballot number, and neither does a person's decision on one in review.
 * SQLite cannot change a CHECK in place: both tables are rebuilt with their rows, indexes and
 * triggers. The decisions' table is rebuilt first so that nothing refers to the old sheets' table
 * when it is dropped.
 */
import { SCAN_READ_COLUMNS, SCAN_SOURCE_COLUMNS } from './0005-scans.ts';

export const sql = `
CREATE TABLE scan_v9 (
${SCAN_SOURCE_COLUMNS}
${SCAN_READ_COLUMNS}
  -- The scanner pass this sheet belongs to, when the stack is read more than once.
  reading_id    INTEGER REFERENCES reading(id),
  UNIQUE (election_id, seq),
  UNIQUE (election_id, file_sha256, page),
  CHECK (status IN ('read', 'review') OR reason IS NOT NULL),
  CHECK ((ballot_n IS NOT NULL) = (status = 'read' AND reading_id IS NULL)),
  CHECK (reading_id IS NULL OR batch_id IS NOT NULL)
) STRICT;
INSERT INTO scan_v9 (id, election_id, seq, batch_id, file, page, pages, sha256, file_sha256, status,
  reason, reading, ballot_n, scanned_by, scanned_at)
SELECT id, election_id, seq, batch_id, file, page, pages, sha256, file_sha256, status,
  reason, reading, ballot_n, scanned_by, scanned_at FROM scan;

CREATE TABLE scan_decision_v9 (
  scan_id       INTEGER PRIMARY KEY REFERENCES scan_v9(id),
  -- None for a sheet of a scanner pass: the decision is that reading's ballot, not the election's.
  ballot_n      INTEGER,
  decision      TEXT NOT NULL CHECK (json_valid(decision)),
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL
) STRICT;
INSERT INTO scan_decision_v9 SELECT scan_id, ballot_n, decision, decided_by, decided_at
  FROM scan_decision;

DROP TABLE scan_decision;
DROP TABLE scan;
ALTER TABLE scan_v9 RENAME TO scan;
ALTER TABLE scan_decision_v9 RENAME TO scan_decision;

CREATE INDEX scan_image ON scan (election_id, sha256);
CREATE INDEX scan_reading ON scan (reading_id) WHERE reading_id IS NOT NULL;
CREATE TRIGGER scan_immutable BEFORE UPDATE ON scan
BEGIN SELECT RAISE(ABORT, 'scanned sheets are immutable'); END;
CREATE TRIGGER scan_no_delete BEFORE DELETE ON scan
BEGIN SELECT RAISE(ABORT, 'scanned sheets are never deleted'); END;
CREATE TRIGGER scan_decision_immutable BEFORE UPDATE ON scan_decision
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER scan_decision_no_delete BEFORE DELETE ON scan_decision
BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
`;
