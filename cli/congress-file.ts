/** CLI commands on congress files: import, export, verify, backups, restore. */
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
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';
import type { Refusal } from '../core/refusal.ts';

const say = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en);

function refused(io: CliIo, lang: Lang, title: string, refusals: readonly Refusal[]): ExitCode {
  io.err(`${title}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`);
  return EXIT.refused;
}

function fileError(io: CliIo, lang: Lang, e: unknown): ExitCode {
  // A damaged, cut or foreign file is refused with SQLite's reason, never a stack trace.
  if (e instanceof CongressFileError || e instanceof Database.SqliteError) {
    io.err(
      `${say(lang, 'Không mở được tệp đại hội', 'Cannot open the congress file')}: ${(e as Error).message}\n`,
    );
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
  if (!record.ok)
    return refused(
      io,
      lang,
      say(lang, `Hồ sơ bị từ chối: ${file}`, `Record refused: ${file}`),
      record.error,
    );
  let service: Service;
  try {
    service = Service.open(into, { create: true });
  } catch (e) {
    return fileError(io, lang, e);
  }
  try {
    const result = service.execute('importElection', { record: record.value }, CLI_ACTOR);
    if (!result.ok)
      return refused(
        io,
        lang,
        say(lang, `Không nhập được vào ${into}`, `Import into ${into} refused`),
        result.error,
      );
    io.out(
      say(
        lang,
        `Đã nhập cuộc bầu "${result.value.code}" với ${result.value.ballots} phiếu vào ${into}.\n`,
        `Imported election "${result.value.code}" with ${result.value.ballots} ballots into ${into}.\n`,
      ),
    );
    return EXIT.done;
  } finally {
    await service.close();
  }
}

export async function exportCommand(
  { file, election, out }: { file: string; election: string; out: string },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  let service: Service;
  try {
    service = Service.open(file, { backups: false });
  } catch (e) {
    return fileError(io, lang, e);
  }
  try {
    const elections = service.query('elections');
    const match = elections.ok
      ? (elections.value.find((e) => e.code === election) ??
        elections.value.find((e) => String(e.id) === election))
      : undefined;
    if (match === undefined) {
      return refused(io, lang, say(lang, 'Không xuất được', 'Export refused'), [
        { code: 'not-found', what: 'election', id: election, path: '--election' },
      ]);
    }
    const record = service.query('exportRecord', { electionId: match.id });
    if (!record.ok)
      return refused(io, lang, say(lang, 'Không xuất được', 'Export refused'), record.error);
    await writeFile(out, `${JSON.stringify(record.value, null, 2)}\n`, 'utf8');
    io.out(
      say(
        lang,
        `Đã xuất cuộc bầu "${match.code}" (${record.value.ballots.entered.length} phiếu) ra ${out}.\n`,
        `Exported election "${match.code}" (${record.value.ballots.entered.length} ballots) to ${out}.\n`,
      ),
    );
    return EXIT.done;
  } finally {
    await service.close();
  }
}

/** Opens a congress file read-only for `use`, refusing one that is not a congress file. */
async function withReadonlyFile(
  file: string,
  { lang, io }: { lang: Lang; io: CliIo },
  use: (db: ReturnType<typeof openDatabase>) => ExitCode | Promise<ExitCode>,
): Promise<ExitCode> {
  let db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch (e) {
    return fileError(io, lang, e);
  }
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

export async function exportAuditCommand(
  { file, out }: { file: string; out: string },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  return withReadonlyFile(file, { lang, io }, async (db) => {
    const log = exportAudit(db);
    await writeFile(out, `${JSON.stringify(log, null, 2)}\n`, 'utf8');
    io.out(
      say(
        lang,
        `Đã xuất nhật ký (${log.rows.length} dòng) ra ${out}.\n`,
        `Exported the audit log (${log.rows.length} rows) to ${out}.\n`,
      ),
    );
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
    io.out(
      say(
        lang,
        `✓ Chuỗi băm nhật ký hợp lệ: ${parsed.data.rows.length} dòng.\n  Mã băm cuối: ${parsed.data.head}\n`,
        `✓ The audit chain verifies: ${parsed.data.rows.length} rows.\n  Head hash: ${parsed.data.head}\n`,
      ),
    );
    return EXIT.done;
  }
  io.err(`${fileProblemText({ kind: 'chain', chain: problem }, lang)}\n`);
  return EXIT.refused;
}

export function verifyCongressFile(file: string, lang: Lang, io: CliIo): Promise<ExitCode> {
  return withReadonlyFile(file, { lang, io }, (db) => {
    const backups = listBackups(file).map((b) => b.path);
    const v = verifyFile(db, { backups });
    const bad = new Set(v.problems.map(checkOf));
    // A file SQLite cannot read whole is not checked further: say so rather than tick.
    const mark = (check: Check) =>
      bad.has(check) ? '✗' : check !== 'file' && bad.has('file') ? '–' : '✓';
    io.out(
      [
        `${mark('file')} ${say(lang, 'Tính toàn vẹn của tệp (SQLite integrity_check)', 'File integrity (SQLite integrity_check)')}`,
        `${mark('chain')} ${say(lang, `Chuỗi băm nhật ký: ${v.auditRows} dòng`, `Audit hash chain: ${v.auditRows} rows`)}`,
        `${mark('tables')} ${say(lang, `Mọi bảng đối chiếu với nhật ký chạy lại: ${v.rowsCompared} dòng`, `Every table against the replayed log: ${v.rowsCompared} rows`)}`,
        `${mark('backups')} ${say(lang, `Bản sao lưu bên cạnh tệp (nhật ký là phần đầu của nhật ký tệp): ${v.backupsChecked}`, `Backups beside the file (each log a prefix of the file's): ${v.backupsChecked}`)}`,
        `  ${say(lang, 'Mã băm cuối của nhật ký', 'Audit head hash')}: ${v.head} (${shortHash(v.head)})`,
        '',
      ].join('\n'),
    );
    if (v.ok && v.auditRows === 0) {
      io.out(
        say(
          lang,
          'KẾT QUẢ: tệp trống, nhật ký không có dòng nào. Nếu tệp này đã dùng cho kiểm phiếu thì nó đã bị xóa: đối chiếu với bản sao lưu và mã băm in trên giấy.\n',
          'RESULT: the file is empty; its audit log has no rows. If this file was used for counting, it was wiped: compare it with a backup and the head hash printed on paper.\n',
        ),
      );
      return EXIT.done;
    }
    if (v.ok) {
      io.out(
        say(
          lang,
          'KẾT QUẢ: tệp hợp lệ, không bị sửa ngoài ứng dụng. Đối chiếu mã băm cuối với mã in trên biên bản và phiếu tập.\n',
          'RESULT: the file verifies; nothing was changed outside the app. Compare the head hash with the one printed on the minutes and the stack slips.\n',
        ),
      );
      if (v.backupsChecked === 0)
        io.out(
          say(
            lang,
            'Lưu ý: không có bản sao lưu bên cạnh tệp để đối chiếu; nếu phần cuối nhật ký bị cắt bớt thì chỉ mã băm in trên giấy mới cho thấy.\n',
            'Note: no backups beside the file to compare with; a log cut back at its end shows only against the head hash printed on paper.\n',
          ),
        );
      return EXIT.done;
    }
    io.err(
      `${say(lang, 'KẾT QUẢ: tệp KHÔNG hợp lệ. Các chỗ hỏng đầu tiên:', 'RESULT: the file does NOT verify. First problems:')}\n` +
        v.problems
          .slice(0, 20)
          .map((p) => `  ${fileProblemText(p, lang)}`)
          .join('\n') +
        (v.problems.length > 20
          ? say(
              lang,
              `\n  … và ${v.problems.length - 20} chỗ khác`,
              `\n  … and ${v.problems.length - 20} more`,
            )
          : '') +
        '\n',
    );
    return EXIT.refused;
  });
}

export function backupsCommand(file: string, lang: Lang, io: CliIo): ExitCode {
  const list = listBackups(file);
  if (list.length === 0) {
    io.out(say(lang, `Chưa có bản sao lưu nào của ${file}.\n`, `No backups of ${file} yet.\n`));
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
    return refused(io, lang, say(lang, 'Không khôi phục được', 'Restore refused'), [
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
      `${say(lang, 'Bản sao lưu không hợp lệ, không khôi phục:', 'The backup does not verify; nothing restored:')}\n` +
        outcome.verification.problems.map((p) => `  ${fileProblemText(p, lang)}`).join('\n') +
        '\n',
    );
    return EXIT.refused;
  }
  io.out(
    say(
      lang,
      `Đã khôi phục ${file} từ ${from}.${outcome.keptAs ? ` Tệp cũ được giữ lại: ${outcome.keptAs}` : ''}\n`,
      `Restored ${file} from ${from}.${outcome.keptAs ? ` The previous file is kept as ${outcome.keptAs}` : ''}\n`,
    ),
  );
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
    if (!outcome.ok)
      return refused(io, lang, say(lang, 'Không sao lưu được', 'Backup refused'), outcome.error);
    const { path, bytes, verification: v } = outcome.value;
    io.out(
      say(
        lang,
        `Đã sao lưu ra ${path} (${(bytes / 1024).toFixed(0)} KiB) và kiểm tra bản sao: hợp lệ, ${v.auditRows} dòng nhật ký.\n  Mã băm cuối: ${shortHash(v.head)}\n`,
        `Backed up to ${path} (${(bytes / 1024).toFixed(0)} KiB) and checked the copy: it verifies, ${v.auditRows} audit rows.\n  Head hash: ${shortHash(v.head)}\n`,
      ),
    );
    return EXIT.done;
  });
}
