/**
 * The printed documents, read back by real readers: pdftotext for the text, pdfsig for the
 * signature, pdftoppm for a look (PNG of the first page in tests/artifacts/pdf/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotCode, ballotDocument } from '../../core/documents/ballot.ts';
import { formatPercent } from '../../core/percent.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { Tally } from '../../core/tally.ts';
import { layoutFingerprint, recordFingerprint } from '../../db/fingerprint.ts';
import { renderPdf } from '../../db/pdf/render.ts';
import { ROOT, runCli, runSignedMinutes } from '../cli/run-cli.ts';
import { tempDir } from '../db/helpers.ts';
import { makeP12 } from './p12.ts';

const ART = join(ROOT, 'tests/artifacts/pdf');
const COMMITTEE = [
  { name: 'Hoàng Văn Trưởng', role: 'head' as const },
  { name: 'Vũ Thị Thành Viên', role: 'member' as const },
  { name: 'Đặng Quốc Ủy', role: 'member' as const },
];

function deck(
  name: string,
  extra: Record<string, unknown> = {},
): { record: ElectionRecord; file: string } {
  const raw = {
    ...JSON.parse(readFileSync(join(ROOT, 'tests/decks', name, 'record.json'), 'utf8')),
    ...extra,
  };
  const parsed = parseRecord(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const file = join(tempDir(), `${name}.json`);
  writeFileSync(file, JSON.stringify(raw));
  return { record: parsed.value, file };
}

// pdftotext puts a space where pdfmake may break a line (after - and /): take it out again.
const text = (pdf: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/([-/]) /gu, '$1');
const look = (pdf: string, name: string) =>
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(ART, name),
  ]);

beforeAll(() => mkdirSync(ART, { recursive: true }));

describe('the counting minutes (rules.md, "The minutes")', () => {
  for (const name of [
    'medium-delegates-congress',
    'tie-one-seat',
    'committee-rulings',
    'base-override',
    'approve-secretary',
  ]) {
    it(`${name}: the text holds every name and figure`, async () => {
      const { record, file } = deck(name, { committee: COMMITTEE });
      const pdf = join(tempDir(), 'bien-ban.pdf');
      const run = await runCli(['minutes', file, '--pdf', pdf, '--date', '2025-10-14']);
      expect(run.code).toBe(0);
      look(pdf, `minutes-${name}`);
      const t = text(pdf);
      const result = Tally.ofRecord(record).result();
      for (const needle of [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'BIÊN BẢN Kiểm phiếu bầu',
        'Quyết định số 190-QĐ/TW',
        'ngày 14 tháng 10 năm 2025',
        `Số lượng cần bầu: ${record.election.seats}`,
        `Số phiếu phát ra: ${result.ballots.issued}`,
        `Số phiếu thu vào: ${result.ballots.collected}`,
        `Số phiếu hợp lệ: ${result.ballots.valid}`,
        `Số phiếu không hợp lệ: ${result.ballots.invalid}`,
        `từ ${result.threshold} phiếu trở lên`,
        recordFingerprint(record),
        'T/M BAN KIỂM PHIẾU TRƯỞNG BAN',
        ...COMMITTEE.map((m) => m.name),
      ]) {
        expect(t, needle).toContain(needle);
      }
      // Each candidate's row, as laid out on the page: name, votes, percentage with a comma.
      const rows = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
        encoding: 'utf8',
      })
        .normalize('NFC')
        .split('\n');
      for (const c of result.candidates) {
        expect(t).toContain(c.name);
        const row = rows.find((line) => line.includes(c.name) && /\d+,\d\d%/u.test(line));
        expect(row, c.name).toMatch(
          new RegExp(`${c.name}\\s+${c.votes}\\s+${formatPercent(c.votes, result.base)}%`, 'u'),
        );
      }
      for (const x of record.base.exclusions) expect(t).toContain(`: ${x.count}.`);
      if (record.base.override)
        expect(t).toContain(`cơ sở tính tỷ lệ là ${record.base.override.base}`);
      if (result.tie) expect(t).toContain('bằng phiếu nhau');
    });
  }

  it('the fingerprint printed is the one `kiem-phieu fingerprint` prints, and ignores key order', async () => {
    const { record, file } = deck('tie-one-seat');
    const run = await runCli(['fingerprint', file]);
    expect(run.stdout.trim()).toBe(recordFingerprint(record));
    const reordered = join(tempDir(), 'r.json');
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(
      reordered,
      JSON.stringify({ ballots: raw.ballots, candidates: raw.candidates, ...raw }, null, 4),
    );
    expect((await runCli(['fingerprint', reordered])).stdout).toBe(run.stdout);
  });

  it('the announcement names the elected with their votes', async () => {
    const { file } = deck('medium-delegates-congress', { committee: COMMITTEE });
    const dir = tempDir();
    const run = await runCli([
      'minutes',
      file,
      '--pdf',
      join(dir, 'm.pdf'),
      '--announcement',
      join(dir, 'a.pdf'),
    ]);
    expect(run.code).toBe(0);
    look(join(dir, 'a.pdf'), 'announcement');
    const t = text(join(dir, 'a.pdf'));
    expect(t).toContain('CÔNG BỐ KẾT QUẢ BẦU CỬ');
    expect(t).toContain('Đồng chí Hoàng Văn Bình: 101 phiếu, đạt 82,11%');
  });
});

describe('the printed ballot', () => {
  it('lists the names in ballot order, with the instruction, for A4 and A5', async () => {
    for (const [name, paper] of [
      ['medium-delegates-congress', 'A4'],
      ['approve-secretary', 'A5'],
    ] as const) {
      const { record, file } = deck(name);
      const pdf = join(tempDir(), 'phieu.pdf');
      expect((await runCli(['ballot', file, '--pdf', pdf, '--paper', paper])).code).toBe(0);
      look(pdf, `ballot-${name}-${paper}`);
      const t = text(pdf);
      expect(t).toContain('PHIẾU BẦU CỬ');
      const positions = record.candidates.map((c) => t.indexOf(c.name));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(t).toContain(
        record.election.layout === 'strike'
          ? 'Gạch ngang họ và tên người không bầu'
          : 'Không đồng ý',
      );
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(
        execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
      );
      expect(size?.slice(1, 3).map(Number)).toEqual(
        paper === 'A4' ? [595.28, 841.89] : [419.53, 595.28],
      );
    }
  });

  it('identifies the election and layout, never a ballot: every copy is byte-identical', async () => {
    const { record } = deck('medium-delegates-congress');
    const fp = layoutFingerprint(record);
    const doc = ballotDocument({ record, layoutFingerprint: fp });
    expect(JSON.stringify(doc)).toContain(ballotCode(record, fp));
    expect(ballotCode(record, fp)).toMatch(/^KP2\|[^|]+\|1\|strike\|A4\|1\/1\|[0-9a-f]{24}$/u);
    const date = new Date(Date.UTC(2025, 9, 14));
    const a = await renderPdf(doc, { creationDate: date });
    const b = await renderPdf(ballotDocument({ record, layoutFingerprint: fp }), {
      creationDate: date,
    });
    expect(a.equals(b)).toBe(true);
  });

  it('a 250-name list reads in order on one double-sided sheet (two pages, three columns)', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `Nguyễn Thị Ứng Viên Số ${i + 1}`);
    const raw = JSON.parse(
      readFileSync(join(ROOT, 'tests/decks/strike-basic-complete/record.json'), 'utf8'),
    );
    raw.candidates = names.map((name, i) => ({ id: `c${i + 1}`, name }));
    raw.election.seats = 200;
    raw.ballots.entered = [];
    const parsed = parseRecord(raw);
    if (!parsed.ok) throw new Error('bad');
    const pdf = join(tempDir(), 'p.pdf');
    writeFileSync(
      pdf,
      await renderPdf(
        ballotDocument({
          record: parsed.value,
          layoutFingerprint: layoutFingerprint(parsed.value),
        }),
      ),
    );
    look(pdf, 'ballot-250');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/u);
    // Column by column, page by page: the numbers come in order in the text of each page.
    const numbers = [1, 2].flatMap((page) =>
      [
        ...execFileSync(
          'pdftotext',
          ['-raw', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'],
          { encoding: 'utf8' },
        ).matchAll(/Ứng Viên Số (\d+)/gu),
      ].map((m) => Number(m[1])),
    );
    expect(numbers).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });
});

describe('the digital signature (PKCS#12, checked by pdfsig)', () => {
  const signer = 'Hoàng Văn Trưởng';
  let dir: string;
  let signed: string;
  beforeAll(async () => {
    // Not tempDir(): that one is emptied after each test, and these tests share the signed file.
    dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-sign-'));
    writeFileSync(join(dir, 'ky.p12'), makeP12({ name: signer, passphrase: 'Mật-khẩu 2025' }));
    const { file } = deck('tie-one-seat', { committee: COMMITTEE });
    signed = join(dir, 'bien-ban-ky.pdf');
    const run = await runSignedMinutes({
      record: file,
      pdf: signed,
      p12: join(dir, 'ky.p12'),
      password: 'Mật-khẩu 2025',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('pdfsig says the signature is valid and names the Vietnamese signer', () => {
    const out = execFileSync('pdfsig', [signed], { encoding: 'utf8' });
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain(`Signer Certificate Common Name: ${signer}`);
    expect(out).toContain('Total document signed');
  });

  it('kiem-phieu verify checks it and prints the signer', async () => {
    const run = await runCli(['verify', signed]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Người ký: ${signer}`);
  });

  it('one changed byte fails, for pdfsig and for verify', async () => {
    const bytes = readFileSync(signed);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0x01;
    const changed = join(dir, 'sua.pdf');
    writeFileSync(changed, bytes);
    const out = spawnSync('pdfsig', [changed], { encoding: 'utf8' }).stdout;
    expect(out).not.toContain('Signature is Valid.');
    const run = await runCli(['verify', changed, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('changed after signing');
  });

  it('content appended after signing fails', async () => {
    const appended = join(dir, 'them.pdf');
    writeFileSync(appended, Buffer.concat([readFileSync(signed), Buffer.from('\n% thêm\n')]));
    const run = await runCli(['verify', appended]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('có nội dung được thêm sau khi ký');
  });

  it('a wrong password is refused and writes nothing; an unsigned PDF is not valid', async () => {
    const { file } = deck('tie-one-seat');
    const out = join(dir, 'khong.pdf');
    const run = await runSignedMinutes({
      record: file,
      pdf: out,
      p12: join(dir, 'ky.p12'),
      password: 'sai',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sai mật khẩu');
    const plain = join(dir, 'plain.pdf');
    await runCli(['minutes', file, '--pdf', plain]);
    expect((await runCli(['verify', plain])).code).toBe(1);
  });
});
