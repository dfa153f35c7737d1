/**
 * The audit log as a file of its own (`kiem-phieu/audit@1`), for the upper level: every row with
 * its hashes, so the chain can be checked without the congress file.
 */
import { z } from 'zod';
import { GENESIS_HASH } from '../core/audit-chain.ts';
import { rowHash, type AuditRow, type ChainProblem } from './audit.ts';
import type { Db } from './connection.ts';

export const AUDIT_FORMAT = 'kiem-phieu/audit@1';

const rowSchema = z.strictObject({
  seq: z.int().min(1),
  at: z.string(),
  actor: z.string(),
  command: z.string(),
  payload: z.unknown(),
  prevHash: z.string().length(64),
  hash: z.string().length(64),
});
export const auditExportSchema = z.strictObject({
  format: z.literal(AUDIT_FORMAT),
  head: z.string().length(64),
  rows: z.array(rowSchema),
});
export type AuditExport = z.infer<typeof auditExportSchema>;

export function exportAudit(db: Db): AuditExport {
  const rows = (db.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditRow[]).map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    command: r.command,
    payload: JSON.parse(r.payload) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  return { format: AUDIT_FORMAT, head: rows[rows.length - 1]?.hash ?? GENESIS_HASH, rows };
}

/** Walks an exported chain; the first row that breaks it, or null. */
export function verifyAuditExport(log: AuditExport): ChainProblem | null {
  let prev = GENESIS_HASH;
  for (const [i, row] of log.rows.entries()) {
    if (row.seq !== i + 1) return { kind: 'gap', seq: row.seq, expected: i + 1 };
    if (row.prevHash !== prev) return { kind: 'prev-hash', seq: row.seq };
    if (rowHash(prev, row) !== row.hash) return { kind: 'hash', seq: row.seq };
    prev = row.hash;
  }
  return log.head === prev ? null : { kind: 'hash', seq: log.rows.length };
}
