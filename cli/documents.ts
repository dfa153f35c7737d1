/** CLI commands that print: the ballot, the minutes (signed on request), the fingerprint, verify a PDF. */
import { messages as m } from '../core/messages/index.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { announcementDocument } from '../core/documents/announcement.ts';
import { ballotDocument, type Paper } from '../core/documents/ballot.ts';
import { minutesDocument } from '../core/documents/minutes.ts';
import { refusalText, type Lang, type Refusal } from '../core/refusal.ts';
import { Tally } from '../core/tally.ts';
import { layoutFingerprint, recordFingerprint } from '../db/fingerprint.ts';
import { renderPdf } from '../db/pdf/render.ts';
import { practiceMarked } from '../db/practice-label.ts';
import { signPdf, verifyPdfSignature, type SignatureProblem } from '../db/pdf/sign.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';

function refused(io: CliIo, lang: Lang, file: string, refusals: readonly Refusal[]): ExitCode {
  io.err(
    `${m(lang).cli.recordRefused(file)}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
  );
  return EXIT.refused;
}

/** The certificate, not the record, was refused: say so, and write nothing. */
function notSigned(io: CliIo, lang: Lang, file: string, refusals: readonly Refusal[]): ExitCode {
  io.err(
    `${m(lang).cli.notSigned(file)}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
  );
  return EXIT.refused;
}

export async function ballotCommand(
  { record: file, pdf, paper }: { record: string; pdf: string; paper: Paper },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  const record = await readRecord(file);
  if (!record.ok) return refused(io, lang, file, record.error);
  const bytes = await renderPdf(
    practiceMarked(
      ballotDocument({
        record: record.value,
        paper,
        layoutFingerprint: layoutFingerprint(record.value),
      }),
      record.value,
      { watermark: false },
    ),
  );
  await writeFile(pdf, bytes);
  io.out(m(lang).cli.ballotWritten(paper, pdf));
  return EXIT.done;
}

export async function fingerprintCommand(file: string, lang: Lang, io: CliIo): Promise<ExitCode> {
  const record = await readRecord(file);
  if (!record.ok) return refused(io, lang, file, record.error);
  io.out(`${recordFingerprint(record.value)}\n`);
  return EXIT.done;
}

export async function minutesCommand(
  {
    record: file,
    pdf,
    sign,
    passEnv,
    announcement,
    date,
  }: {
    record: string;
    pdf: string;
    sign?: string;
    passEnv?: string;
    announcement?: string;
    date?: string;
  },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  const record = await readRecord(file);
  if (!record.ok) return refused(io, lang, file, record.error);
  const result = Tally.ofRecord(record.value).result();
  const when = date ?? record.value.congress.date ?? new Date().toISOString().slice(0, 10);
  let bytes = await renderPdf(
    practiceMarked(
      minutesDocument({
        record: record.value,
        result,
        fingerprint: recordFingerprint(record.value),
        date: when,
      }),
      record.value,
      { watermark: true },
    ),
  );
  if (sign !== undefined) {
    const passphrase = passEnv === undefined ? '' : process.env[passEnv];
    if (passphrase === undefined) {
      io.err(m(lang).cli.passEnvMissing(passEnv ?? ''));
      return EXIT.usage;
    }
    const p12 = await readOrSay(sign, io);
    if (p12 === null) return EXIT.refused;
    const signed = await signPdf(bytes, {
      p12,
      passphrase,
      reason: `Biên bản kiểm phiếu: ${record.value.election.title}`,
      ...(record.value.congress.place === undefined
        ? {}
        : { location: record.value.congress.place }),
    });
    if (!signed.ok) return notSigned(io, lang, sign, signed.error);
    bytes = signed.value;
  }
  await writeFile(pdf, bytes);
  io.out(m(lang).cli.minutesWritten(sign !== undefined, pdf));
  if (announcement !== undefined) {
    await writeFile(
      announcement,
      await renderPdf(
        practiceMarked(
          announcementDocument({ record: record.value, result, date: when }),
          record.value,
          { watermark: true },
        ),
      ),
    );
    io.out(m(lang).cli.announcementWritten(announcement));
  }
  return EXIT.done;
}

/** The file's bytes; null, after naming the file and the system's error code, when it cannot be read. */
async function readOrSay(file: string, io: CliIo): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    io.err(`${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return null;
  }
}

/** A signature problem in words; typed by the signer's codes, so a new one needs its text. */
const signatureProblem = (problem: SignatureProblem, lang: Lang): string => {
  const texts: Readonly<Record<SignatureProblem, string>> = m(lang).cli.signatureProblem;
  return texts[problem];
};

export async function verifyPdfCommand(file: string, lang: Lang, io: CliIo): Promise<ExitCode> {
  const bytes = await readOrSay(file, io);
  if (bytes === null) return EXIT.refused;
  const check = verifyPdfSignature(bytes);
  if (!check.ok) {
    io.err(m(lang).cli.signatureInvalid(signatureProblem(check.error, lang)));
    return EXIT.refused;
  }
  io.out(m(lang).cli.signatureValid(check.value.signer, check.value.signedAt ?? null));
  return EXIT.done;
}
