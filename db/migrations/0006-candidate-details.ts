/**
 * What the introductions show of each candidate (giới thiệu ứng cử viên): year of birth, hometown,
 * position, unit, education, a short biography, and a photo, kept in the congress file itself so
 * the file stays whole on a USB stick. Keyed by the election and the candidate's name, not the
 * candidate row: a list replaced or reordered while in draft keeps the details of the names it
 * keeps. The photo is the JPEG the app made from the operator's picture (small, checked).
 */
export const sql = `
CREATE TABLE candidate_detail (
  election_id   INTEGER NOT NULL REFERENCES election(id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  birth_year    INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  hometown      TEXT CHECK (hometown IS NULL OR length(hometown) BETWEEN 1 AND 200),
  position      TEXT CHECK (position IS NULL OR length(position) BETWEEN 1 AND 200),
  unit          TEXT CHECK (unit IS NULL OR length(unit) BETWEEN 1 AND 200),
  education     TEXT CHECK (education IS NULL OR length(education) BETWEEN 1 AND 200),
  biography     TEXT CHECK (biography IS NULL OR length(biography) BETWEEN 1 AND 600),
  PRIMARY KEY (election_id, name)
) STRICT;

CREATE TABLE candidate_photo (
  election_id   INTEGER NOT NULL REFERENCES election(id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  jpeg          BLOB NOT NULL CHECK (length(jpeg) BETWEEN 4 AND 524288
                  AND substr(jpeg, 1, 2) = x'FFD8'),
  width         INTEGER NOT NULL CHECK (width BETWEEN 1 AND 2000),
  height        INTEGER NOT NULL CHECK (height BETWEEN 1 AND 2000),
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  PRIMARY KEY (election_id, name)
) STRICT;
`;
