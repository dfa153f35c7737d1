/**
 * `kiem-phieu verify FILE.kiemphieu`: SQLite's integrity, the audit chain, and every ballot row
 * against the log row that wrote it — so an edit made with plain SQL behind the app's back shows.
 */
import { canonicalJson } from '../core/canonical-json.ts';
import { verifyChain, type AuditRow, type ChainProblem } from './audit.ts';
import { ballotLog } from './commands/ballots.ts';
import { integrityCheck, type Db } from './connection.ts';
import type { BallotRow } from './store.ts';

export type FileProblem =
  | { readonly kind: 'integrity'; readonly detail: string }
  | { readonly kind: 'chain'; readonly chain: ChainProblem }
  | {
      readonly kind: 'ballot-not-logged';
      readonly electionId: number;
      readonly n: number;
      readonly version: number;
    }
  | {
      readonly kind: 'ballot-changed';
      readonly electionId: number;
      readonly n: number;
      readonly version: number;
      readonly seq: number;
    }
  | {
      readonly kind: 'ballot-missing';
      readonly electionId: number;
      readonly n: number;
      readonly version: number;
      readonly seq: number;
    }
  | { readonly kind: 'ballot-current'; readonly electionId: number; readonly n: number };

export interface FileVerification {
  readonly ok: boolean;
  readonly integrity: readonly string[];
  readonly auditRows: number;
  readonly ballotRows: number;
  readonly head: string;
  readonly problems: readonly FileProblem[];
}

const BALLOT_COMMANDS = new Set(['enterBallot', 'correctBallot', 'voidBallot', 'ruleBallot']);
const key = (electionId: number, n: number, version: number) => `${electionId}:${n}:${version}`;

export function verifyFile(db: Db): FileVerification {
  const problems: FileProblem[] = [];
  const integrity = integrityCheck(db);
  if (!(integrity.length === 1 && integrity[0] === 'ok')) {
    for (const detail of integrity) problems.push({ kind: 'integrity', detail });
  }
  const chain = verifyChain(db);
  if (chain.problem !== null) problems.push({ kind: 'chain', chain: chain.problem });

  // What the log says each ballot version is.
  const logged = new Map<
    string,
    { seq: number; text: string; electionId: number; n: number; version: number }
  >();
  const remember = (seq: number, b: Omit<BallotRow, 'id' | 'current'>) =>
    logged.set(key(b.election_id, b.n, b.version), {
      seq,
      text: canonicalJson(b),
      electionId: b.election_id,
      n: b.n,
      version: b.version,
    });
  for (const row of db
    .prepare('SELECT seq, command, payload FROM audit ORDER BY seq')
    .iterate() as Iterable<Pick<AuditRow, 'seq' | 'command' | 'payload'>>) {
    if (!BALLOT_COMMANDS.has(row.command) && row.command !== 'importElection') continue;
    const payload = JSON.parse(row.payload) as {
      ballot?: Omit<BallotRow, 'id' | 'current'>;
      ballots?: Omit<BallotRow, 'id' | 'current'>[];
    };
    if (payload.ballot) remember(row.seq, payload.ballot);
    for (const b of payload.ballots ?? []) remember(row.seq, b);
  }

  let ballotRows = 0;
  const latest = new Map<string, { version: number; current: number; count: number }>();
  for (const row of db
    .prepare('SELECT * FROM ballot ORDER BY id')
    .iterate() as Iterable<BallotRow>) {
    ballotRows++;
    const k = key(row.election_id, row.n, row.version);
    const log = logged.get(k);
    if (log === undefined) {
      problems.push({
        kind: 'ballot-not-logged',
        electionId: row.election_id,
        n: row.n,
        version: row.version,
      });
    } else if (log.text !== canonicalJson(ballotLog(row))) {
      problems.push({
        kind: 'ballot-changed',
        electionId: row.election_id,
        n: row.n,
        version: row.version,
        seq: log.seq,
      });
    }
    logged.delete(k);
    const ballotKey = `${row.election_id}:${row.n}`;
    const seen = latest.get(ballotKey) ?? { version: 0, current: 0, count: 0 };
    latest.set(ballotKey, {
      version: Math.max(seen.version, row.version),
      current: row.current === 1 ? row.version : seen.current,
      count: seen.count + row.current,
    });
  }
  for (const log of logged.values()) {
    problems.push({
      kind: 'ballot-missing',
      electionId: log.electionId,
      n: log.n,
      version: log.version,
      seq: log.seq,
    });
  }
  for (const [ballotKey, v] of latest) {
    if (v.count !== 1 || v.current !== v.version) {
      const [electionId, n] = ballotKey.split(':').map(Number);
      problems.push({ kind: 'ballot-current', electionId: electionId ?? 0, n: n ?? 0 });
    }
  }
  return {
    ok: problems.length === 0,
    integrity,
    auditRows: chain.rows,
    ballotRows,
    head: chain.head,
    problems,
  };
}

export function fileProblemText(p: FileProblem, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  switch (p.kind) {
    case 'integrity':
      return vi ? `SQLite báo tệp hỏng: ${p.detail}` : `SQLite integrity check: ${p.detail}`;
    case 'chain': {
      const c = p.chain;
      if (c.kind === 'gap') {
        return vi
          ? `Nhật ký: dòng ${c.seq} đứng ở chỗ của dòng ${c.expected} (mất hoặc chèn dòng)`
          : `Audit log: row ${c.seq} stands where row ${c.expected} should (a row was removed or inserted)`;
      }
      return vi
        ? `Nhật ký: chuỗi băm bị đứt ở dòng ${c.seq} (nội dung dòng hoặc dòng trước đã bị sửa)`
        : `Audit log: the hash chain breaks at row ${c.seq} (this row or the one before was changed)`;
    }
    case 'ballot-not-logged':
      return vi
        ? `Cuộc bầu ${p.electionId}, phiếu số ${p.n} (bản ${p.version}): có trong tệp nhưng không có trong nhật ký`
        : `Election ${p.electionId}, ballot ${p.n} (version ${p.version}): in the file but not in the audit log`;
    case 'ballot-changed':
      return vi
        ? `Cuộc bầu ${p.electionId}, phiếu số ${p.n} (bản ${p.version}): khác với nhật ký dòng ${p.seq} — đã bị sửa ngoài ứng dụng`
        : `Election ${p.electionId}, ballot ${p.n} (version ${p.version}): differs from audit row ${p.seq} — changed outside the app`;
    case 'ballot-missing':
      return vi
        ? `Cuộc bầu ${p.electionId}, phiếu số ${p.n} (bản ${p.version}): nhật ký dòng ${p.seq} ghi nhận nhưng tệp không còn`
        : `Election ${p.electionId}, ballot ${p.n} (version ${p.version}): logged at row ${p.seq} but missing from the file`;
    case 'ballot-current':
      return vi
        ? `Cuộc bầu ${p.electionId}, phiếu số ${p.n}: bản hiện hành không phải bản mới nhất`
        : `Election ${p.electionId}, ballot ${p.n}: the current version is not the latest`;
  }
}
