/** CLI commands on congress files: import, export, verify, backups, restore. */
import { readFile, writeFile } from 'node:fs/promises';
import { auditExportSchema, exportAudit, verifyAuditExport } from '../db/audit-export.ts';
import { existsSync } from 'node:fs';
import { refusalText, type Lang } from '../core/refusal.ts';
import { listBackups, restoreBackup } from '../db/backup.ts';
import { CongressFileError, openDatabase } from '../db/connection.ts';
import { CLI_ACTOR, Service } from '../db/service.ts';
import { fileProblemText, verifyFile } from '../db/verify.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';
import type { Refusal } from '../core/refusal.ts';

const say = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en);

function refused(io: CliIo, lang: Lang, title: string, refusals: readonly Refusal[]): ExitCode {
  io.err(`${title}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`);
  return EXIT.refused;
}

function fileError(io: CliIo, lang: Lang, e: unknown): ExitCode {
  if (e instanceof CongressFileError || (e as { code?: string }).code === 'SQLITE_NOTADB') {
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
    const v = verifyFile(db);
    const integrityOk = v.integrity.length === 1 && v.integrity[0] === 'ok';
    io.out(
      [
        `${integrityOk ? '✓' : '✗'} ${say(lang, 'Tính toàn vẹn của tệp (SQLite integrity_check)', 'File integrity (SQLite integrity_check)')}`,
        `${v.problems.some((p) => p.kind === 'chain') ? '✗' : '✓'} ${say(lang, `Chuỗi băm nhật ký: ${v.auditRows} dòng`, `Audit hash chain: ${v.auditRows} rows`)}`,
        `${v.problems.some((p) => p.kind.startsWith('ballot')) ? '✗' : '✓'} ${say(lang, `Phiếu đối chiếu với nhật ký: ${v.ballotRows} bản ghi`, `Ballots against the log: ${v.ballotRows} rows`)}`,
        `  ${say(lang, 'Mã băm cuối của nhật ký', 'Audit head hash')}: ${v.head}`,
        '',
      ].join('\n'),
    );
    if (v.ok) {
      io.out(
        say(
          lang,
          'KẾT QUẢ: tệp hợp lệ, không bị sửa ngoài ứng dụng.\n',
          'RESULT: the file verifies; nothing was changed outside the app.\n',
        ),
      );
      return EXIT.done;
    }
    io.err(
      `${say(lang, 'KẾT QUẢ: tệp KHÔNG hợp lệ. Chỗ hỏng đầu tiên:', 'RESULT: the file does NOT verify. First problem:')}\n` +
        v.problems
          .slice(0, 20)
          .map((p) => `  ${fileProblemText(p, lang)}`)
          .join('\n') +
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
