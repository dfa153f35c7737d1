/**
 * A conference election (standing committee, secretary, inspection committee…) has its own
 * counting committee, chosen by the new committee's first conference: members with an election
 * belong to that election's committee; those without, to the congress's.
 */
export const sql = `
ALTER TABLE committee_member ADD COLUMN election_id INTEGER REFERENCES election(id);
CREATE INDEX committee_member_election ON committee_member (election_id, ord);
`;
