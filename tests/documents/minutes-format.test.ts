/**
 * The minutes and the announcement in the Party's document format (documents.md), read back by
 * pdftotext: numbers, dates and terms whole, the place name, the signature room, a conference's
 * own wording, committee and base, a re-vote's parent, the outcome beyond the seats. Every page
 * is also written as a PNG under tests/artifacts/pdf/ to look at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcementDocument } from '../../core/documents/announcement.ts';
import { longDate, placeName } from '../../core/documents/common.ts';
import type { MinutesInput } from '../../core/documents/minutes.ts';
import { baseSummary, electionName } from '../../core/labels.ts';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { Tally } from '../../core/tally.ts';
import { ROOT } from '../cli/run-cli.ts';
import { layoutLines, plainText, renderAndLook, words } from './read-pdf.ts';
import {
  COMMITTEE,
  CONFERENCE_COMMITTEE,
  PARENT_TITLE,
  conferenceRecord,
  minutesOf,
  overHalfRecord,
  revoteRecord,
} from './records.ts';

function deck(name: string): ElectionRecord {
  const raw = JSON.parse(readFileSync(join(ROOT, 'tests/decks', name, 'record.json'), 'utf8'));
  const parsed = parseRecord({ ...raw, committee: COMMITTEE });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

function minutes(record: ElectionRecord, name: string, extra: Partial<MinutesInput> = {}) {
  return renderAndLook(minutesOf(record, { date: '2025-10-14', ...extra }), name);
}

const MM = 72 / 25.4;

describe('the minutes follow the Party document format', () => {
  it('never breaks or stretches a document number, a date or a term', async () => {
    const pdf = await minutes(deck('medium-delegates-congress'), 'format-medium');
    const texts = words(pdf).map((w) => w.text);
    // A justified line stretched inside "190-QĐ/TW" reads back as "190-", "QĐ/", "TW".
    for (const unit of ['190-QĐ/TW', '04-HD/TW', '10/10/2024', '31/12/2024'])
      expect(texts, unit).toContain(unit);
    const lines = layoutLines(pdf);
    expect(lines.some((l) => l.includes('nhiệm kỳ 2025–2030'))).toBe(true);
    expect(lines.some((l) => /2025–\s*$/u.test(l))).toBe(false);
  });

  it('the place line names the place (địa danh), not the venue, on one line, with leading zeros', async () => {
    const record = overHalfRecord();
    expect(record.congress.place).toBe('Hội trường Trung tâm Hội nghị tỉnh');
    const pdf = await minutes(record, 'format-place', { date: '2025-02-05' });
    const lines = layoutLines(pdf);
    expect(lines.some((l) => l.includes('Thái Nguyên, ngày 05 tháng 02 năm 2025'))).toBe(true);
    expect(plainText(pdf)).not.toContain('Hội trường');
    expect(longDate('2025-10-14').replace(/\u00a0/gu, ' ')).toBe('ngày 14 tháng 10 năm 2025');
    expect(
      placeName({
        ...record.congress,
        organisation: 'Ban Cán sự Đảng',
        place: 'Hội trường A, Huế',
      }),
    ).toBe('Huế');
  });

  it('leaves at least 25 mm for the head to sign, under "T/M BAN KIỂM PHIẾU" and "TRƯỞNG BAN"', async () => {
    const pdf = await minutes(deck('tie-one-seat'), 'format-signature');
    const all = words(pdf);
    const last = Math.max(...all.map((w) => w.page));
    const page = all.filter((w) => w.page === last);
    const tm = page.find((w) => w.text === 'T/M');
    const role = page.find((w) => w.text === 'TRƯỞNG' && tm !== undefined && w.yMin > tm.yMin);
    const name = page.find((w) => w.text === 'Trưởng' && role !== undefined && w.yMin > role.yMin);
    expect(tm && role && name).toBeTruthy();
    expect(name!.yMin - role!.yMax).toBeGreaterThanOrEqual(25 * MM);
  });

  it('numbers pages from page 2 in the top margin, and prints the file chain head in the footer', async () => {
    const pdf = await minutes(deck('medium-delegates-congress'), 'format-pages', {
      chainHead: '0123456789ab',
    });
    const all = words(pdf);
    const pages = Math.max(...all.map((w) => w.page));
    expect(pages).toBeGreaterThan(1);
    const top = (p: number) => all.filter((w) => w.page === p && w.yMax < 20 * MM);
    expect(top(1)).toEqual([]);
    for (let p = 2; p <= pages; p++) expect(top(p).map((w) => w.text)).toEqual([String(p)]);
    expect(plainText(pdf)).toContain('Mã kiểm tra tệp: 0123456789ab');
  });

  it('says "over half, not elected (beyond the seats)" for those over half outside the seats', async () => {
    const record = overHalfRecord();
    const result = Tally.ofRecord(record).result();
    const beyond = result.candidates.find((c) => c.qualified && !c.elected);
    expect(beyond?.name).toBe('Lê Văn Cường');
    const t = plainText(await minutes(record, 'format-over-half'));
    expect(t).toContain('Quá một nửa, không trúng cử (ngoài số lượng)');
    expect(t).toContain('Lê Văn Cường được quá một nửa số phiếu nhưng ngoài số lượng cần bầu');
  });

  it('a re-vote names the election it follows by its title, and its round once', async () => {
    const record = revoteRecord();
    const t = plainText(await minutes(record, 'format-revote', { parentTitle: PARENT_TITLE }));
    expect(t).toContain('Tiếp theo cuộc bầu Ban Chấp hành Đảng bộ tỉnh Thái Nguyên khóa XXI');
    expect(t).not.toContain('"bch"');
    expect(t.match(/vòng 2/giu)?.length).toBe(1);
    const alone = plainText(await minutes(record, 'format-revote-alone'));
    expect(alone).not.toContain('bch');
  });

  it('puts the base in the header of the minutes and the announcement', async () => {
    const record = deck('medium-delegates-congress');
    const result = Tally.ofRecord(record).result();
    const line = baseSummary(record, result, 'vi');
    expect(line).toContain(`Cơ sở tính tỷ lệ: ${result.base} (triệu tập 128 − loại trừ 5)`);
    const first = (pdf: string) =>
      words(pdf)
        .filter((w) => w.page === 1)
        .map((w) => w.text)
        .join(' ');
    expect(first(await minutes(record, 'format-base'))).toContain(line);
    const a = await renderAndLook(
      announcementDocument({ record, result, date: '2025-10-14' }),
      'format-announcement',
    );
    expect(first(a)).toContain(line);
  });
});

describe('a conference election has its own wording, committee and base', () => {
  const record = conferenceRecord();
  const result = Tally.ofRecord(record).result();

  it('the minutes say "Hội nghị", list the conference committee and count on its base', async () => {
    const t = plainText(await minutes(record, 'format-conference'));
    expect(t).toContain('HỘI NGHỊ LẦN THỨ NHẤT BAN CHẤP HÀNH ĐẢNG BỘ TỈNH THÁI NGUYÊN KHÓA XXI');
    expect(t).toContain('Ban kiểm phiếu Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh');
    expect(t).toContain('thông qua trước Hội nghị');
    expect(t).not.toContain('thông qua trước Đại hội');
    expect(t).not.toContain('Ban kiểm phiếu Đại hội');
    for (const m of CONFERENCE_COMMITTEE) expect(t).toContain(m.name);
    for (const m of COMMITTEE) expect(t).not.toContain(m.name);
    expect(result.base).toBe(53);
    expect(t).toContain('Cơ sở tính tỷ lệ: 53 (triệu tập 55 − loại trừ 2)');
    expect(t).toContain('Ủy viên vắng mặt: 2.');
    expect(t).toContain('từ 27 phiếu trở lên');
  });

  it('the announcement addresses the conference', async () => {
    const pdf = await renderAndLook(
      announcementDocument({ record, result, date: '2025-10-14' }),
      'format-conference-announcement',
    );
    const t = plainText(pdf);
    expect(t).toContain('Kính thưa Hội nghị');
    expect(t).not.toContain('Kính thưa Đại hội');
    expect(t).toContain(electionName(record.election, 'vi').slice(0, 20));
  });
});
