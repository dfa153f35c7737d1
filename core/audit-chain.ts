/**
 * The audit log's hash chain: each row's hash covers the previous row's hash and the row's own
 * content, so changing, removing or reordering any row breaks every hash after it.
 * The hash function itself (SHA-256) is supplied by the host; core stays free of I/O.
 */
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly command: string;
  readonly payload: unknown;
}

/** The exact text hashed for one row. */
export function chainText(prevHash: string, row: AuditContent): string {
  return `${prevHash}\n${canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    command: row.command,
    payload: row.payload,
  })}`;
}

/**
 * The head of the chain as paper carries it (minutes, stack slips): the first 16 hex digits in
 * groups of four, e.g. `3f9a 0c12 7be4 d05e`. 64 bits: too many to forge by trial.
 */
export const shortHash = (hash: string): string =>
  (hash.slice(0, 16).match(/.{4}/gu) ?? []).join(' ');
