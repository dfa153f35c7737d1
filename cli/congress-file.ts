/** CLI commands on congress files: import, export, verify, backups, restore. */
import { scansDir } from '../db/scan/image-store.ts';
import { messages as m } from '../core/messages/index.ts';
import Database from 'better-sqlite3';
import { readFile, writeFile } from 'node:fs/promises';
import { auditExportSchema, exportAudit, verifyAuditExport } from '../db/audit-export.ts';
import { existsSync } from 'node:fs';
import { refusalText, type Lang } from '../core/refusal.ts';
import { backupTo, listBackups, restoreBackup } from '../db/backup.ts';
import { CongressFileError, openDatabase } from '../db/connection.ts';
import { CLI_ACTOR, Service } from '../db/service.ts';
import { checkOf, fileProblemText, verifyFile, type Check } from '../db/verify.ts';
import { shortHash } from '../db/audit.ts';
import { recordReadings } from '../db/record-export.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';
import type { Refusal } from '../core/refusal.ts';

function refused(io: CliIo, lang: Lang, title: string, refusals: readonly Refusal[]): ExitCode {
  io.err(`${title}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`);
  return EXIT.refused;
}

function fileError(io: CliIo, lang: Lang, e: unknown): ExitCode {
  // A damaged, cut or foreign file is refused with SQLite's reason, never a stack trace.
  if (e instanceof CongressFileError || e instanceof Database.SqliteError) {
    io.err(`${m(lang).cli.openFailed}: ${(e as Error).message}\n`);
    return EXIT.refused;
  }
  throw e;
}

export async function importCommand(
  { record: file, into }: { record: string; into: string },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  const record = await readRecord(file);
  if (!record.ok) return refused(io, lang, m(lang).cli.recordRefused(file), record.error);
  return withOpened(
    () => Service.open(into, { create: true }),
    { lang, io },
    (service) => {
      const result = service.execute('importElection', { record: record.value }, CLI_ACTOR);
      if (!result.ok) return refused(io, lang, m(lang).cli.importRefused(into), result.error);
      io.out(m(lang).cli.imported(result.value.code, result.value.ballots, into));
      return EXIT.done;
    },
  );
}

/**
 * `export`: the election's record, with every reading of its stacks beside the agreed ballots
 * unless `readings` is false (core/record-readings.md: the tally and the fingerprint are the same
 * either way; `--no-readings` is for an older kiem-phieu, which refuses a field it does not know).
 */
export async function exportCommand(
  {
    file,
    election,
    out,
    readings,
  }: { file: string; election: string; out: string; readings: boolean },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  return withOpened(
    () => Service.open(file, { backups: false }),
    { lang, io },
    async (service) => {
      const elections = service.query('elections');
      const match = elections.ok
        ? (elections.value.find((e) => e.code === election) ??
          elections.value.find((e) => String(e.id) === election))
        : undefined;
      if (match === undefined) {
        return refused(io, lang, m(lang).cli.exportRefused, [
          { code: 'not-found', what: 'election', id: election, path: '--election' },
        ]);
      }
      // One read transaction: the readings are of the same moment as the ballots.
      const { record, stacks } = service.db.transaction(() => {
        const found = service.query('exportRecord', { electionId: match.id });
        return {
          record: found,
          stacks: found.ok && readings ? recordReadings(service.db, match.id) : null,
        };
      })();
      if (!record.ok) return refused(io, lang, m(lang).cli.exportRefused, record.error);
      const written = stacks === null ? record.value : { ...record.value, readings: stacks };
      await writeFile(out, `${JSON.stringify(written, null, 2)}\n`, 'utf8');
      io.out(m(lang).cli.exported(match.code, record.value.ballots.entered.length, out));
      return EXIT.done;
    },
  );
}

/**
 * Opens a congress file (`open`) for `use` and closes it after; a damaged or foreign file is
 * refused with SQLite's reason.
 */
async function withOpened<T extends { close(): unknown }>(
  open: () => T,
  { lang, io }: { lang: Lang; io: CliIo },
  use: (opened: T) => ExitCode | Promise<ExitCode>,
): Promise<ExitCode> {
  let opened: T;
  try {
    opened = open();
  } catch (e) {
    return fileError(io, lang, e);
  }
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}

/** Opens a congress file read-only for `use`, refusing one that is not a congress file. */
const withReadonlyFile = (
  file: string,
  context: { lang: Lang; io: CliIo },
  use: (db: ReturnType<typeof openDatabase>) => ExitCode | Promise<ExitCode>,
): Promise<ExitCode> => withOpened(() => openDatabase(file, { readonly: true }), context, use);

export async function exportAuditCommand(
  { file, out }: { file: string; out: string },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  return withReadonlyFile(file, { lang, io }, async (db) => {
    const log = exportAudit(db);
    await writeFile(out, `${JSON.stringify(log, null, 2)}\n`, 'utf8');
    io.out(m(lang).cli.auditExported(log.rows.length, out));
    return EXIT.done;
  });
}

/** `verify AUDIT.json`: the chain of an exported audit log. */
export async function verifyAuditFile(
  file: string,
  lang: Lang,
  io: CliIo,
): Promise<ExitCode | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = auditExportSchema.safeParse(data);
  if (!parsed.success) return null;
  const problem = verifyAuditExport(parsed.data);
  if (problem === null) {
    io.out(m(lang).cli.auditVerified(parsed.data.rows.length, parsed.data.head));
    return EXIT.done;
  }
  io.err(`${fileProblemText({ kind: 'chain', chain: problem }, lang)}\n`);
  return EXIT.refused;
}

export function verifyCongressFile(file: string, lang: Lang, io: CliIo): Promise<ExitCode> {
  return withReadonlyFile(file, { lang, io }, (db) => {
    const backups = listBackups(file).map((b) => b.path);
    const v = verifyFile(db, { backups, scans: scansDir(file) });
    const bad = new Set(v.problems.map(checkOf));
    // A file SQLite cannot read whole is not checked further: say so rather than tick.
    const mark = (check: Check) =>
      bad.has(check) ? '✗' : check !== 'file' && bad.has('file') ? '–' : '✓';
    io.out(
      [
        `${mark('file')} ${m(lang).cli.checkIntegrity}`,
        `${mark('chain')} ${m(lang).cli.checkChain(v.auditRows)}`,
        `${mark('tables')} ${m(lang).cli.checkTables(v.rowsCompared)}`,
        `${mark('backups')} ${m(lang).cli.checkBackups(v.backupsChecked)}`,
        `${mark('scans')} ${m(lang).cli.checkScans(v.scansChecked)}`,
        `  ${m(lang).cli.headHash}: ${v.head} (${shortHash(v.head)})`,
        '',
      ].join('\n'),
    );
    if (v.ok && v.auditRows === 0) {
      io.out(m(lang).cli.resultEmpty);
      return EXIT.done;
    }
    if (v.ok) {
      io.out(m(lang).cli.resultOk);
      if (v.backupsChecked === 0) io.out(m(lang).cli.noBackupsNote);
      return EXIT.done;
    }
    io.err(
      `${m(lang).cli.resultBad}\n` +
        v.problems
          .slice(0, 20)
          .map((p) => `  ${fileProblemText(p, lang)}`)
          .join('\n') +
        (v.problems.length > 20 ? m(lang).cli.andMore(v.problems.length - 20) : '') +
        '\n',
    );
    return EXIT.refused;
  });
}

export function backupsCommand(file: string, lang: Lang, io: CliIo): ExitCode {
  const list = listBackups(file);
  if (list.length === 0) {
    io.out(m(lang).cli.noBackups(file));
    return EXIT.done;
  }
  for (const b of list) io.out(`${b.path}  (${b.reason}, ${(b.bytes / 1024).toFixed(0)} KiB)\n`);
  return EXIT.done;
}

export function restoreCommand(
  { file, from }: { file: string; from: string },
  lang: Lang,
  io: CliIo,
): ExitCode {
  if (!existsSync(from)) {
    return refused(io, lang, m(lang).cli.restoreRefused, [
      { code: 'not-found', what: 'backup', id: from, path: '--from' },
    ]);
  }
  let outcome;
  try {
    outcome = restoreBackup(from, file, new Date().toISOString());
  } catch (e) {
    return fileError(io, lang, e);
  }
  if (!outcome.verification.ok) {
    io.err(
      `${m(lang).cli.backupInvalid}\n` +
        outcome.verification.problems.map((p) => `  ${fileProblemText(p, lang)}`).join('\n') +
        '\n',
    );
    return EXIT.refused;
  }
  io.out(m(lang).cli.restored(file, from, outcome.keptAs ?? null));
  return EXIT.done;
}

/**
 * `backup FILE.kiemphieu --to DIR`: a consistent copy (SQLite's online backup through its own
 * connection, safe while the app is counting), verified after writing. Never copy the file by hand
 * while the app runs: the last saves may still be in FILE.kiemphieu-wal.
 */
export async function backupToCommand(
  { file, to }: { file: string; to: string },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  return withReadonlyFile(file, { lang, io }, async (db) => {
    const outcome = await backupTo(db, file, to, new Date().toISOString());
    if (!outcome.ok) return refused(io, lang, m(lang).cli.backupRefused, outcome.error);
    const { path, bytes, verification: v } = outcome.value;
    io.out(m(lang).cli.backedUp(path, (bytes / 1024).toFixed(0), v.auditRows, shortHash(v.head)));
    return EXIT.done;
  });
}
