/** CLI commands that print: the ballot, the minutes (signed on request), the fingerprint, verify a PDF. */
import { readFile, writeFile } from 'node:fs/promises';
import { announcementDocument } from '../core/documents/announcement.ts';
import { ballotDocument, type Paper } from '../core/documents/ballot.ts';
import { minutesDocument } from '../core/documents/minutes.ts';
import { refusalText, type Lang, type Refusal } from '../core/refusal.ts';
import { Tally } from '../core/tally.ts';
import { layoutFingerprint, recordFingerprint } from '../db/fingerprint.ts';
import { renderPdf } from '../db/pdf/render.ts';
import { signPdf, verifyPdfSignature, type SignatureProblem } from '../db/pdf/sign.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';

const say = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en);

function refused(io: CliIo, lang: Lang, file: string, refusals: readonly Refusal[]): ExitCode {
  io.err(
    `${say(lang, `Hồ sơ bị từ chối: ${file}`, `Record refused: ${file}`)}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
  );
  return EXIT.refused;
}

/** The certificate, not the record, was refused: say so, and write nothing. */
function notSigned(io: CliIo, lang: Lang, file: string, refusals: readonly Refusal[]): ExitCode {
  io.err(
    `${say(lang, `Không ký được biên bản, chưa ghi tệp nào. Chứng thư số: ${file}`, `The minutes were not signed and nothing was written. Certificate: ${file}`)}\n${refusals.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
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
    ballotDocument({
      record: record.value,
      paper,
      layoutFingerprint: layoutFingerprint(record.value),
    }),
  );
  await writeFile(pdf, bytes);
  io.out(say(lang, `Đã tạo phiếu bầu ${paper}: ${pdf}\n`, `Ballot (${paper}) written to ${pdf}\n`));
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
    minutesDocument({
      record: record.value,
      result,
      fingerprint: recordFingerprint(record.value),
      date: when,
    }),
  );
  if (sign !== undefined) {
    const passphrase = passEnv === undefined ? '' : process.env[passEnv];
    if (passphrase === undefined) {
      io.err(
        say(
          lang,
          `Biến môi trường ${passEnv} (mật khẩu tệp .p12) chưa được đặt.\n`,
          `Environment variable ${passEnv} (the .p12 password) is not set.\n`,
        ),
      );
      return EXIT.usage;
    }
    let p12: Buffer;
    try {
      p12 = await readFile(sign);
    } catch (e) {
      io.err(`${sign}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return EXIT.refused;
    }
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
  io.out(
    say(
      lang,
      `Đã tạo biên bản kiểm phiếu${sign ? ' (đã ký số)' : ''}: ${pdf}\n`,
      `Minutes${sign ? ' (signed)' : ''} written to ${pdf}\n`,
    ),
  );
  if (announcement !== undefined) {
    await writeFile(
      announcement,
      await renderPdf(announcementDocument({ record: record.value, result, date: when })),
    );
    io.out(
      say(
        lang,
        `Đã tạo văn bản công bố kết quả: ${announcement}\n`,
        `Announcement written to ${announcement}\n`,
      ),
    );
  }
  return EXIT.done;
}

const PROBLEM_TEXT: Readonly<Record<SignatureProblem, { vi: string; en: string }>> = {
  'no-signature': { vi: 'tệp không có chữ ký số', en: 'the file has no digital signature' },
  'byte-range': {
    vi: 'vùng ký (ByteRange) không hợp lệ',
    en: 'the signed byte range is malformed',
  },
  'not-whole-file': {
    vi: 'có nội dung được thêm sau khi ký',
    en: 'content was added after signing',
  },
  digest: {
    vi: 'nội dung đã bị thay đổi sau khi ký',
    en: 'the document was changed after signing',
  },
  signature: {
    vi: 'chữ ký không khớp với chứng thư số',
    en: 'the signature does not match the certificate',
  },
  malformed: { vi: 'chữ ký số không đọc được', en: 'the signature cannot be read' },
};

export async function verifyPdfCommand(file: string, lang: Lang, io: CliIo): Promise<ExitCode> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.err(`${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return EXIT.refused;
  }
  const check = verifyPdfSignature(bytes);
  if (!check.ok) {
    io.err(
      say(
        lang,
        `Chữ ký KHÔNG hợp lệ: ${PROBLEM_TEXT[check.error].vi}.\n`,
        `Signature NOT valid: ${PROBLEM_TEXT[check.error].en}.\n`,
      ),
    );
    return EXIT.refused;
  }
  io.out(
    say(
      lang,
      `✓ Chữ ký số hợp lệ, tài liệu không bị thay đổi sau khi ký.\n  Người ký: ${check.value.signer}\n  Thời điểm ký: ${check.value.signedAt ?? '(không ghi)'}\n`,
      `✓ The signature is valid and the document is unchanged since signing.\n  Signer: ${check.value.signer}\n  Signed at: ${check.value.signedAt ?? '(not recorded)'}\n`,
    ),
  );
  return EXIT.done;
}
