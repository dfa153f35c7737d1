/**
 * A practice congress (tập huấn) knows it is one: the flag is set when the congress is first
 * written and never changes, so a practice file cannot become a real one, nor a real one practice.
 * (Number 0008 taken provisionally; the lead assigns migration numbers.)
 */
export const sql = `
ALTER TABLE congress ADD COLUMN practice INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1));

CREATE TRIGGER congress_practice_fixed
BEFORE UPDATE OF practice ON congress
WHEN NEW.practice IS NOT OLD.practice
BEGIN
  SELECT RAISE(ABORT, 'congress.practice is fixed when the congress is created');
END;
`;
