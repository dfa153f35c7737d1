/**
 * A station's own key for each ballot it enters, so a save retried after a dropped connection is
 * recognised instead of counted twice; and what the hall's projector shows.
 */
export const sql = `
ALTER TABLE ballot ADD COLUMN client_key TEXT CHECK (client_key IS NULL OR length(client_key) BETWEEN 8 AND 64);
CREATE UNIQUE INDEX ballot_client_key ON ballot (election_id, client_key) WHERE client_key IS NOT NULL AND version = 1;

DROP TRIGGER ballot_immutable;
CREATE TRIGGER ballot_immutable BEFORE UPDATE ON ballot
WHEN NEW.id IS NOT OLD.id OR NEW.election_id IS NOT OLD.election_id OR NEW.n IS NOT OLD.n
  OR NEW.version IS NOT OLD.version OR NEW.body IS NOT OLD.body
  OR NEW.ruling_code IS NOT OLD.ruling_code OR NEW.ruling_note IS NOT OLD.ruling_note
  OR NEW.voided IS NOT OLD.voided OR NEW.void_reason IS NOT OLD.void_reason
  OR NEW.change IS NOT OLD.change OR NEW.batch_id IS NOT OLD.batch_id
  OR NEW.entered_by IS NOT OLD.entered_by OR NEW.entered_at IS NOT OLD.entered_at
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
