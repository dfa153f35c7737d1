/**
 * A station's own key for each ballot it enters, so a save retried after a dropped connection is
 * recognised instead of counted twice; and what the hall's projector shows.
 */
import { FIXED_BALLOT_COLUMNS_CHANGED } from './0001-initial.ts';

export const sql = `
ALTER TABLE ballot ADD COLUMN client_key TEXT CHECK (client_key IS NULL OR length(client_key) BETWEEN 8 AND 64);
CREATE UNIQUE INDEX ballot_client_key ON ballot (election_id, client_key) WHERE client_key IS NOT NULL AND version = 1;

DROP TRIGGER ballot_immutable;
CREATE TRIGGER ballot_immutable BEFORE UPDATE ON ballot
WHEN ${FIXED_BALLOT_COLUMNS_CHANGED}
  OR NEW.client_key IS NOT OLD.client_key
  OR NOT (OLD.current = 1 AND NEW.current = 0)
BEGIN SELECT RAISE(ABORT, 'ballot versions are immutable'); END;

CREATE TABLE display (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  election_id   INTEGER REFERENCES election(id),
  show_figures  INTEGER NOT NULL DEFAULT 0 CHECK (show_figures IN (0, 1))
) STRICT;
INSERT INTO display (id, election_id, show_figures) VALUES (1, NULL, 0);
`;
