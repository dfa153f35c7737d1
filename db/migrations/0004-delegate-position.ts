/** A delegate's position (chức vụ), kept from the list as its unit is. */
export const sql = `
ALTER TABLE delegate ADD COLUMN position TEXT;
`;
