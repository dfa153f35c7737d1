/**
 * `kiem-phieu` — the headless host: recount, verify and print, with no UI.
 *
 * This module parses and checks the arguments only; each command's module (and the libraries it
 * needs: zod, the PDF and SQLite stacks, the scanner) is imported when that command runs, so
 * `--help` or a recount loads nothing of the others (issue 13: start-up under 0.3 s).
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../core/refusal.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';

/** Each command's usage (after `kiem-phieu `): `--help` lists them all, a misuse repeats its own. */
const USAGES = {
  tally: ['tally RECORD.json [--json] [--decimals N] [--lang vi|en]'],
  readings: ['readings RECORD.json [--json] [--lang vi|en]'],
  import: ['import RECORD.json --into FILE.kiemphieu'],
  export: [
    'export FILE.kiemphieu --election ID --out RECORD.json [--no-readings]',
    'export FILE.kiemphieu --audit --out AUDIT.json',
  ],
  ballot: ['ballot RECORD.json --pdf OUT.pdf [--paper A4|A5]'],
  minutes: [
    'minutes RECORD.json --pdf OUT.pdf [--sign KEY.p12 --pass-env VAR] [--announcement OUT.pdf] [--date YYYY-MM-DD]',
  ],
  fingerprint: ['fingerprint RECORD.json'],
  verify: ['verify FILE'],
  backups: ['backups FILE.kiemphieu'],
  backup: ['backup FILE.kiemphieu --to DIR'],
  restore: ['restore FILE.kiemphieu --from BACKUP.kiemphieu'],
  scan: ['scan RECORD.json FILE... [--json] [--debug DIR] [--scores] [--expect N] [--paper A4|A5]'],
  'scan-test': [
    'scan-test RECORD.json --pdf DECK.pdf --out EXPECTED.json [--count N] [--paper A4|A5]',
    'scan-test RECORD.json --expected EXPECTED.json FILE...',
  ],
  practice: ['practice OUT.kiemphieu [--date YYYY-MM-DD]'],
} as const satisfies Record<string, readonly string[]>;

const USAGE = `Cách dùng / usage:
${Object.values(USAGES)
  .flat()
  .map((line) => `  kiem-phieu ${line}\n`)
  .join('')}`;

const options = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  decimals: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  into: { type: 'string' },
  election: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  audit: { type: 'boolean' },
  'no-readings': { type: 'boolean' },
  pdf: { type: 'string' },
  paper: { type: 'string' },
  sign: { type: 'string' },
  'pass-env': { type: 'string' },
  announcement: { type: 'string' },
  date: { type: 'string' },
  debug: { type: 'string' },
  scores: { type: 'boolean' },
  expect: { type: 'string' },
  expected: { type: 'string' },
  count: { type: 'string' },
} as const;

function usage(io: CliIo, message: string): ExitCode {
  io.err(`${message}\n\n${USAGE}`);
  return EXIT.usage;
}

/** A command called with arguments it does not take: its own usage, then every command's. */
const misuse = (io: CliIo, command: keyof typeof USAGES): ExitCode =>
  usage(io, USAGES[command].join('\n'));

/**
 * Runs one command. A refusal is exit 1, a usage error 2; anything thrown is a bug of this
 * program, never the input's fault, so it gets its own exit code and says so (election-record.md).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    const lang: Lang = argv.includes('en') && argv.includes('--lang') ? 'en' : 'vi';
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    // The wording is loaded here, like any module past the arguments: should that fail as well
    // (dist/ replaced meanwhile), the error is still said, plainly, with the crash code.
    const said = await Promise.all([
      import('../core/messages/index.ts'),
      import('../core/names.ts'),
    ]).then(
      ([{ messages }, { visible }]) => `${messages(lang).cli.internalError}: ${visible(what, 300)}`,
      () => `kiem-phieu: internal error: ${what.replace(/[^\x20-\x7e]/gu, '?').slice(0, 300)}`,
    );
    io.err(
      `${said}\n${
        process.env.KIEM_PHIEU_DEBUG === '1' && e instanceof Error ? `${e.stack ?? ''}\n` : ''
      }`,
    );
    return EXIT.crash;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi';
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'vi') {
    return usage(io, `--lang: vi | en`);
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) return usage(io, 'kiem-phieu');
  // The one file most commands take; undefined when there is none or more than one.
  const file = rest.length === 1 ? rest[0] : undefined;
  if (command === 'tally') {
    if (file === undefined) return misuse(io, 'tally');
    const decimals = values.decimals === undefined ? 2 : Number(values.decimals);
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
      return usage(io, '--decimals: 0–6');
    const { tallyCommand } = await import('./tally.ts');
    return tallyCommand(file, { json: values.json ?? false, lang, decimals }, io);
  }
  if (command === 'readings') {
    if (file === undefined) return misuse(io, 'readings');
    const { readingsCommand } = await import('./readings.ts');
    return readingsCommand(file, { json: values.json ?? false, lang }, io);
  }
  if (command === 'import') {
    if (file === undefined || values.into === undefined) return misuse(io, 'import');
    const { importCommand } = await import('./congress-file.ts');
    return importCommand({ record: file, into: values.into }, lang, io);
  }
  if (command === 'export' && values.audit === true) {
    if (file === undefined || values.out === undefined) return misuse(io, 'export');
    const { exportAuditCommand } = await import('./congress-file.ts');
    return exportAuditCommand({ file, out: values.out }, lang, io);
  }
  if (command === 'export') {
    if (file === undefined || values.election === undefined || values.out === undefined) {
      return misuse(io, 'export');
    }
    const { exportCommand } = await import('./congress-file.ts');
    return exportCommand(
      {
        file,
        election: values.election,
        out: values.out,
        readings: values['no-readings'] !== true,
      },
      lang,
      io,
    );
  }
  if (command === 'verify') {
    if (file === undefined) return misuse(io, 'verify');
    if (file.toLowerCase().endsWith('.pdf')) {
      const { verifyPdfCommand } = await import('./documents.ts');
      return verifyPdfCommand(file, lang, io);
    }
    const { verifyAuditFile, verifyCongressFile } = await import('./congress-file.ts');
    // An exported audit log is JSON of its own format; anything else is checked as a congress file.
    const audit = file.toLowerCase().endsWith('.json')
      ? await verifyAuditFile(file, lang, io)
      : null;
    if (audit !== null) return audit;
    return verifyCongressFile(file, lang, io);
  }
  if (command === 'backup') {
    if (file === undefined || values.to === undefined) return misuse(io, 'backup');
    const { backupToCommand } = await import('./congress-file.ts');
    return backupToCommand({ file, to: values.to }, lang, io);
  }
  if (command === 'ballot') {
    const paper = values.paper ?? 'A4';
    if (file === undefined || values.pdf === undefined || (paper !== 'A4' && paper !== 'A5')) {
      return misuse(io, 'ballot');
    }
    const { ballotCommand } = await import('./documents.ts');
    return ballotCommand({ record: file, pdf: values.pdf, paper }, lang, io);
  }
  if (command === 'minutes') {
    const date = values.date;
    if (
      file === undefined ||
      values.pdf === undefined ||
      (values.sign !== undefined && values['pass-env'] === undefined) ||
      (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(date))
    ) {
      return misuse(io, 'minutes');
    }
    const { minutesCommand } = await import('./documents.ts');
    return minutesCommand(
      {
        record: file,
        pdf: values.pdf,
        ...(values.sign === undefined ? {} : { sign: values.sign }),
        ...(values['pass-env'] === undefined ? {} : { passEnv: values['pass-env'] }),
        ...(values.announcement === undefined ? {} : { announcement: values.announcement }),
        ...(date === undefined ? {} : { date }),
      },
      lang,
      io,
    );
  }
  if (command === 'fingerprint') {
    if (file === undefined) return misuse(io, 'fingerprint');
    const { fingerprintCommand } = await import('./documents.ts');
    return fingerprintCommand(file, lang, io);
  }
  if (command === 'backups') {
    if (file === undefined) return misuse(io, 'backups');
    const { backupsCommand } = await import('./congress-file.ts');
    return backupsCommand(file, lang, io);
  }
  if (command === 'restore') {
    if (file === undefined || values.from === undefined) return misuse(io, 'restore');
    const { restoreCommand } = await import('./congress-file.ts');
    return restoreCommand({ file, from: values.from }, lang, io);
  }
  if (command === 'scan-test') {
    const [record, ...files] = rest;
    const paper = values.paper ?? 'A4';
    const count = Number(values.count ?? 12);
    const print = values.pdf !== undefined && values.out !== undefined && files.length === 0;
    const check = values.expected !== undefined && files.length > 0;
    if (
      record === undefined ||
      print === check ||
      (paper !== 'A4' && paper !== 'A5') ||
      !Number.isInteger(count) ||
      count < 1 ||
      count > 500
    ) {
      return misuse(io, 'scan-test');
    }
    const { scanTestCheck, scanTestPrint } = await import('./scan-test.ts');
    return print
      ? scanTestPrint({ record, pdf: values.pdf!, out: values.out!, count, paper }, lang, io)
      : scanTestCheck({ record, expected: values.expected!, files }, lang, io);
  }
  if (command === 'practice') {
    const date = values.date ?? new Date().toISOString().slice(0, 10);
    if (file === undefined || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) return misuse(io, 'practice');
    const { practiceCommand } = await import('./practice.ts');
    return practiceCommand({ out: file, date }, lang, io);
  }
  if (command === 'scan') {
    const [record, ...files] = rest;
    const paper = values.paper ?? 'A4';
    const expect = values.expect === undefined ? undefined : Number(values.expect);
    if (
      record === undefined ||
      files.length === 0 ||
      (paper !== 'A4' && paper !== 'A5') ||
      (expect !== undefined && (!Number.isInteger(expect) || expect < 0))
    ) {
      return misuse(io, 'scan');
    }
    const { scanCommand } = await import('./scan.ts');
    return scanCommand(
      {
        record,
        files,
        json: values.json ?? false,
        scores: values.scores ?? false,
        paper,
        ...(values.debug === undefined ? {} : { debug: values.debug }),
        ...(expect === undefined ? {} : { expect }),
      },
      lang,
      io,
    );
  }
  const { messages } = await import('../core/messages/index.ts');
  return usage(io, messages(lang).cli.unknownCommand(command));
}
