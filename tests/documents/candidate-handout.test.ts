/**
 * The candidates' handout, made by the service from a congress file with details and photos, read
 * back by pdftotext (words in NFC, in ballot order, the Party header) and pdfimages (one photo per
 * candidate who has one), and rendered by pdftoppm to look at.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePhoto } from '../../db/candidate-photo.ts';
import { makeDocument } from '../../db/documents.ts';
import { readPeopleSheet } from '../../db/people-sheet.ts';
import { detailsFromSheet } from '../../renderer/features/intro/import.ts';
import {
  CANDIDATES,
  CANDIDATES_CONGRESS,
  CANDIDATES_ELECTION,
  candidatesXlsx,
  matchedPhotos,
} from '../helpers/candidates.ts';
import { ADMIN, newService, tempDir, value } from '../db/helpers.ts';
import { layoutLines, look, plainText, words } from './read-pdf.ts';

async function congressWithDetails({ practice = false } = {}) {
  const s = newService();
  value(
    s.execute(
      'updateCongress',
      { ...(practice ? { practice: true } : {}), ...CANDIDATES_CONGRESS },
      ADMIN,
    ),
  );
  const { electionId } = value(s.execute('createElection', CANDIDATES_ELECTION, ADMIN));
  const sheet = await readPeopleSheet({ bytes: await candidatesXlsx(), fileName: 'ucv.xlsx' });
  if (!sheet.ok) throw new Error('sheet');
  const { details } = detailsFromSheet(sheet.value.people, CANDIDATES);
  value(s.execute('setCandidateDetails', { electionId, details }, ADMIN));
  for (const m of await matchedPhotos()) {
    const p = await preparePhoto(m.fileName, m.bytes);
    if (!p.ok) throw new Error(m.fileName);
    value(
      s.execute('setCandidatePhoto', { electionId, name: m.name, jpeg: p.value.base64 }, ADMIN),
    );
  }
  return { s, electionId };
}

describe('the candidates handout (danh sách trích ngang)', () => {
  it('is a Party document listing every candidate in ballot order, each with details and photo', async () => {
    const { s, electionId } = await congressWithDetails();
    const made = await makeDocument(s, 'candidate-handout', { electionId, paper: 'A4' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(made.value.fileName).toMatch(/^gioi-thieu-ung-cu-vien-.*\.pdf$/u);
    const pdf = join(tempDir(), made.value.fileName);
    writeFileSync(pdf, made.value.bytes);
    look(pdf, 'candidate-handout');

    const text = plainText(pdf);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐOÀN CHỦ TỊCH');
    expect(text).toContain('Hà Tĩnh, ngày 14 tháng 10 năm 2025');
    expect(text).toContain('DANH SÁCH TRÍCH NGANG');
    expect(text).toContain('5 ứng cử viên, bầu 4');
    // The blocks in ballot order, with the names in capitals and every detail.
    const order = [
      'NGUYỄN VĂN AN',
      'LÊ QUANG HUY',
      'TRẦN THỊ BÍCH NGỌC',
      'PHẠM THỊ HỒNG NHUNG',
      'VÕ ĐỨC THẮNG',
    ];
    const at = order.map((n) => text.indexOf(n));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const c of CANDIDATES) {
      expect(text).toContain(c.hometown);
      expect(text).toContain(c.education);
    }
    expect(text).toContain(
      `Chức vụ, đơn vị công tác: ${CANDIDATES[1]!.position}, ${CANDIDATES[1]!.unit}`,
    );
    expect(text).toContain('Năm sinh: 1980');
    expect(text).toContain('2004–2012');

    // One picture per candidate with a photo: four of five.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(images).toHaveLength(4);
    expect(images.every((l) => /\bjpeg\b/u.test(l))).toBe(true);

    // Nothing runs into the right margin (15 mm): every word ends inside the text area.
    const right = 595.28 - (15 * 72) / 25.4;
    expect(words(pdf).filter((w) => w.xMax > right + 0.5)).toEqual([]);
    expect(layoutLines(pdf).join('\n')).not.toMatch(/\uFFFD/u);
  });

  it('of a practice congress says TẬP HUẤN on every page and in its name', async () => {
    const { s, electionId } = await congressWithDetails({ practice: true });
    const made = await makeDocument(s, 'candidate-handout', { electionId, paper: 'A4' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(made.value.fileName).toMatch(/^tap-huan-gioi-thieu-ung-cu-vien-/u);
    const pdf = join(tempDir(), made.value.fileName);
    writeFileSync(pdf, made.value.bytes);
    const pages = Number(
      /Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1],
    );
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync(
        'pdftotext',
        ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'],
        {
          encoding: 'utf8',
        },
      ).normalize('NFC');
      expect(text, `page ${page}`).toContain('TẬP HUẤN — KHÔNG PHẢI ĐẠI HỘI THẬT');
    }
  });
});
