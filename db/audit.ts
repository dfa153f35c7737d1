/** The append-only, hash-chained audit log: one row per command that changes data. */
import { createHash } from 'node:crypto';
import { chainText, GENESIS_HASH, shortHash, type AuditContent } from '../core/audit-chain.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import type { ChainProblem } from '../core/verification.ts';
import type { Db } from './connection.ts';
import { stmt } from './connection.ts';

export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly command: string;
  readonly payload: string;
  readonly prev_hash: string;
  readonly hash: string;
}

export const sha256 = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

export function rowHash(prevHash: string, row: AuditContent): string {
  return sha256(chainText(prevHash, row));
}

/** Appends one row; call inside the command's transaction so the row and the change land together. */
export function appendAudit(
  db: Db,
  entry: { at: string; actor: string; command: string; payload: unknown },
): AuditRow {
  const last = stmt(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const payloadJson = canonicalJson(entry.payload);
  const hash = rowHash(prevHash, {
    seq,
    at: entry.at,
    actor: entry.actor,
    command: entry.command,
    payload: entry.payload,
  });
  const row: AuditRow = {
    seq,
    at: entry.at,
    actor: entry.actor,
    command: entry.command,
    payload: payloadJson,
    prev_hash: prevHash,
    hash,
  };
  stmt(
    db,
    'INSERT INTO audit (seq, at, actor, command, payload, prev_hash, hash) VALUES (@seq, @at, @actor, @command, @payload, @prev_hash, @hash)',
  ).run(row);
  return row;
}

export type { ChainProblem } from '../core/verification.ts';

/** Walks the chain from the first row; returns the first row that breaks it, or null. */
export function verifyChain(db: Db): { rows: number; problem: ChainProblem | null; head: string } {
  let prev = GENESIS_HASH;
  let expected = 1;
  let rows = 0;
  for (const row of stmt(db, 'SELECT * FROM audit ORDER BY seq').iterate() as Iterable<AuditRow>) {
    rows++;
    if (row.seq !== expected)
      return { rows, problem: { kind: 'gap', seq: row.seq, expected }, head: prev };
    if (row.prev_hash !== prev)
      return { rows, problem: { kind: 'prev-hash', seq: row.seq }, head: prev };
    let payload: unknown;
    let hash: string;
    try {
      payload = JSON.parse(row.payload);
      if (canonicalJson(payload) !== row.payload)
        return { rows, problem: { kind: 'payload', seq: row.seq }, head: prev };
      hash = rowHash(prev, {
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        command: row.command,
        payload,
      });
    } catch {
      // Not JSON, or nested too deep to walk: no row the app writes.
      return { rows, problem: { kind: 'payload', seq: row.seq }, head: prev };
    }
    if (hash !== row.hash) return { rows, problem: { kind: 'hash', seq: row.seq }, head: prev };
    prev = row.hash;
    expected++;
  }
  return { rows, problem: null, head: prev };
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  /** The first 16 hex digits in groups of four, for paper: `3f9a 0c12 7be4 d05e`. */
  readonly short: string;
}

/**
 * The last audit row: printed on stack slips, the minutes and the entry log, so that paper
 * anchors the file (a chain rewritten from any earlier row cannot end in the same head).
 */
export function chainHead(db: Db): ChainHead {
  const last = stmt(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const hash = last?.hash ?? GENESIS_HASH;
  return { seq: last?.seq ?? 0, hash, short: shortHash(hash) };
}

export { shortHash } from '../core/audit-chain.ts';
