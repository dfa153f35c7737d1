/**
 * Candidate introductions, the file side: details read from a real candidates' spreadsheet, photos
 * decoded by sharp from real pictures (and hostile ones refused by name), both stored in the
 * congress file and read back in ballot order; verify rebuilds them from the audit log.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegSize, matchPhotos, PHOTO_LIMITS } from '../../core/candidate-details.ts';
import { photoProblemText } from '../../core/messages/index.ts';
import { refusalText } from '../../core/refusal.ts';
import { preparePhoto } from '../../db/candidate-photo.ts';
import { problemText, readPeopleSheet, type PeopleSheet } from '../../db/people-sheet.ts';
import { verifyFile } from '../../db/verify.ts';
import {
  CANDIDATES,
  candidatesXlsx,
  matchedPhotos,
  photoFolder,
  portrait,
} from '../helpers/candidates.ts';
import { ADMIN, newService, refusals, snapshot, value } from './helpers.ts';

async function sheetOf(bytes: Uint8Array, fileName = 'ung-cu-vien.xlsx'): Promise<PeopleSheet> {
  const r = await readPeopleSheet({ bytes, fileName });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function photo(fileName: string, bytes: Uint8Array) {
  const r = await preparePhoto(fileName, bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A PNG that declares width × height and holds almost nothing: a pixel bomb's header. */
function pngDeclaring(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1000))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the candidates sheet gives the introductions their details', () => {
  it('recognises Năm sinh, Quê quán, Chức vụ, Đơn vị, Trình độ and Tóm tắt by their usual headers', async () => {
    const sheet = await sheetOf(await candidatesXlsx());
    expect(sheet.headerRow).toBe(4);
    expect(Object.fromEntries(sheet.columns.map((c) => [c.field, c.column]))).toEqual({
      no: 1,
      name: 2,
      birthYear: 3,
      hometown: 4,
      position: 5,
      unit: 6,
      education: 7,
      biography: 8,
    });
    expect(sheet.problems).toEqual([]);
    expect(sheet.people.map((p) => [p.row, p.name, p.birthYear, p.hometown])).toEqual(
      CANDIDATES.map((c, i) => [5 + i, c.name, Number(c.born.slice(-4)), c.hometown]),
    );
    const second = sheet.people[1]!;
    expect(second).toMatchObject({
      position: CANDIDATES[1]!.position,
      unit: CANDIDATES[1]!.unit,
      education: CANDIDATES[1]!.education,
      biography: CANDIDATES[1]!.biography,
    });
  });

  it('other usual wordings: Tiểu sử tóm tắt, Trình độ học vấn, Nguyên quán (CSV)', async () => {
    const csv =
      'TT;Họ tên;Năm sinh;Nguyên quán;Trình độ học vấn;Tiểu sử tóm tắt\n1;Đặng Thị Mai;1979;Kỳ Anh;12/12;Giáo viên\n';
    const sheet = await sheetOf(new TextEncoder().encode(csv), 'ds.csv');
    expect(sheet.people[0]).toMatchObject({
      name: 'Đặng Thị Mai',
      birthYear: 1979,
      hometown: 'Kỳ Anh',
      education: '12/12',
      biography: 'Giáo viên',
    });
  });

  it('a biography or a unit too long for the screen is a problem naming its row and column', async () => {
    const long = 'Công tác tại địa phương. '.repeat(30); // 750 characters
    const bytes = await candidatesXlsx([
      CANDIDATES[0]!,
      { ...CANDIDATES[1]!, biography: long, unit: 'Đơn vị '.repeat(40) },
    ]);
    const sheet = await sheetOf(bytes);
    const texts = sheet.problems.map((p) => problemText(p, 'vi'));
    expect(texts).toEqual([
      `Dòng 6, cột Đơn vị: dài ${[...'Đơn vị '.repeat(40).trim()].length} ký tự, quá 200 ký tự mà màn hình chiếu và tài liệu in đọc được: hãy rút gọn`,
      `Dòng 6, cột Tóm tắt tiểu sử: dài ${long.trim().length} ký tự, quá 600 ký tự mà màn hình chiếu và tài liệu in đọc được: hãy rút gọn`,
    ]);
    expect(sheet.people[1]?.biography).toBeUndefined();
  });
});

describe('photos: any common picture becomes a small upright JPEG; anything else is refused by name', () => {
  it('a 900×1200 JPEG and PNG become 450×600 JPEGs', async () => {
    for (const format of ['jpeg', 'png'] as const) {
      const p = await photo(`a.${format}`, await portrait(0, format));
      expect([p.width, p.height, p.sourceWidth, p.sourceHeight]).toEqual([450, 600, 900, 1200]);
      const bytes = Buffer.from(p.base64, 'base64');
      expect(jpegSize(bytes)).toEqual({ width: 450, height: 600 });
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(bytes.length).toBeLessThan(PHOTO_LIMITS.storedBytes);
    }
  });

  it('a phone photo stored on its side with an EXIF orientation comes out upright', async () => {
    const sideways = await sharp(await portrait(1, 'jpeg'))
      .rotate(90)
      .withMetadata({ orientation: 8 })
      .jpeg()
      .toBuffer();
    const p = await photo('dien-thoai.jpg', sideways);
    expect([p.width, p.height]).toEqual([450, 600]);
  });

  it('refuses text, SVG, a cut JPEG, a pixel bomb, a tiny image and a huge file, each naming the file', async () => {
    const jpeg = await portrait(2, 'jpeg');
    const cases: [string, Uint8Array, string][] = [
      ['ghi-chu.jpg', new TextEncoder().encode('không phải ảnh'), 'not-image'],
      [
        'logo.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"/>'),
        'not-image',
      ],
      ['cat-do.jpg', jpeg.subarray(0, 600), 'not-image'],
      ['bom.png', pngDeclaring(30_000, 30_000), 'too-many-pixels'],
      [
        'nho.png',
        await sharp({ create: { width: 40, height: 50, channels: 3, background: '#888' } })
          .png()
          .toBuffer(),
        'too-small',
      ],
      ['lon.jpg', new Uint8Array(PHOTO_LIMITS.fileBytes + 1), 'file-too-big'],
    ];
    for (const [name, bytes, code] of cases) {
      const started = performance.now();
      const r = await preparePhoto(name, bytes);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, name).toBe(code);
      expect(photoProblemText(r.error, 'vi')).toContain(name);
      expect(performance.now() - started, name).toBeLessThan(2_000);
    }
  });
});

describe('photo files find their candidates', () => {
  const targets = CANDIDATES.map((c) => ({ name: c.name, number: c.no }));

  it('by name (any case, tone marks or not, NFD, a leading number) or by STT', async () => {
    const files = (await photoFolder()).map((f) => f.name);
    const { matches, problems } = matchPhotos(files, targets);
    expect(problems).toEqual([]);
    expect(matches.map((m) => m.name)).toEqual(
      CANDIDATES.filter((c) => c.photo !== null).map((c) => c.name),
    );
  });

  it('a name two candidates share without tone marks needs its marks; unknown and doubled files are named', () => {
    const two = [
      { name: 'Nguyễn Văn Hùng', number: 1 },
      { name: 'Nguyễn Văn Hưng', number: 2 },
    ];
    const r = matchPhotos(
      ['nguyen van hung.jpg', 'Nguyễn Văn Hưng.png', 'Hưng.png', '9.jpg', 'NGUYỄN VĂN HƯNG.jpg'],
      two,
    );
    expect(r.matches).toEqual([{ fileName: 'Nguyễn Văn Hưng.png', name: 'Nguyễn Văn Hưng' }]);
    expect(r.problems.map((p) => [p.code, p.fileName])).toEqual([
      ['ambiguous', 'nguyen van hung.jpg'],
      ['no-candidate', 'Hưng.png'],
      ['no-candidate', '9.jpg'],
      ['two-photos', 'NGUYỄN VĂN HƯNG.jpg'],
    ]);
    expect(photoProblemText(r.problems[0]!, 'vi')).toBe(
      'Ảnh “nguyen van hung.jpg” có thể là của Nguyễn Văn Hùng hoặc Nguyễn Văn Hưng: hãy đặt tên tệp đúng họ tên có dấu',
    );
  });
});

describe('the congress file keeps the details and photos', () => {
  async function election() {
    const s = newService();
    value(
      s.execute(
        'updateCongress',
        {
          name: 'Đại hội đại biểu Đảng bộ tỉnh',
          organisation: 'Đảng bộ tỉnh Hà Tĩnh',
          kind: 'delegates',
        },
        ADMIN,
      ),
    );
    const { electionId } = value(
      s.execute(
        'createElection',
        {
          title: 'Bầu Ban Chấp hành khóa XX',
          kind: 'committee',
          layout: 'strike',
          seats: 3,
          candidates: CANDIDATES.map((c) => c.name),
        },
        ADMIN,
      ),
    );
    const sheet = await sheetOf(await candidatesXlsx());
    const details = sheet.people.map((p) => ({
      name: p.name,
      ...(p.birthYear === undefined ? {} : { birthYear: p.birthYear }),
      ...(p.hometown ? { hometown: p.hometown } : {}),
      ...(p.position ? { position: p.position } : {}),
      ...(p.unit ? { unit: p.unit } : {}),
      ...(p.education ? { education: p.education } : {}),
      ...(p.biography ? { biography: p.biography } : {}),
    }));
    return { s, electionId, details };
  }

  it('stores them, answers in ballot order with the photo, and verify rebuilds them from the log', async () => {
    const { s, electionId, details } = await election();
    expect(value(s.execute('setCandidateDetails', { electionId, details }, ADMIN))).toEqual({
      count: 5,
    });
    for (const m of await matchedPhotos()) {
      const p = await photo(m.fileName, m.bytes);
      value(s.execute('setCandidatePhoto', { electionId, name: m.name, jpeg: p.base64 }, ADMIN));
    }
    const shown = value(s.query('candidateDetails', { electionId }));
    // Ballot order: given name first (An, Huy, Ngọc, Nhung, Thắng).
    expect(shown.map((c) => [c.no, c.name])).toEqual([
      [1, 'Nguyễn Văn An'],
      [2, 'Lê Quang Huy'],
      [3, 'Trần Thị Bích Ngọc'],
      [4, 'Phạm Thị Hồng Nhung'],
      [5, 'Võ Đức Thắng'],
    ]);
    expect(shown[2]).toMatchObject({
      birthYear: 1980,
      hometown: 'phường Bắc Hà, thành phố Hà Tĩnh',
      education: 'Tiến sĩ Ngữ văn',
      photo: { width: 450, height: 600 },
    });
    expect(shown[4]?.photo).toBeNull();
    const { base64 } = value(s.query('candidatePhoto', { sha256: shown[0]!.photo!.sha256 }));
    const stored = Buffer.from(base64, 'base64');
    expect(createHash('sha256').update(stored).digest('hex')).toBe(shown[0]!.photo!.sha256);
    expect((await sharp(stored).metadata()).height).toBe(600);
    expect(refusals(s.query('candidatePhoto', { sha256: 'f'.repeat(64) }))[0]).toMatchObject({
      code: 'not-found',
      path: 'sha256',
    });

    const v = verifyFile(s.db);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);

    // A photo removed; the details stay when the list is put in another order.
    value(s.execute('setCandidatePhoto', { electionId, name: 'Lê Quang Huy', jpeg: null }, ADMIN));
    value(
      s.execute('reorderCandidates', { electionId, order: ['c5', 'c4', 'c3', 'c2', 'c1'] }, ADMIN),
    );
    const after = value(s.query('candidateDetails', { electionId }));
    expect(after.map((c) => [c.name, c.photo !== null, c.hometown !== null])).toEqual([
      ['Võ Đức Thắng', false, true],
      ['Phạm Thị Hồng Nhung', true, true],
      ['Trần Thị Bích Ngọc', true, true],
      ['Lê Quang Huy', false, true],
      ['Nguyễn Văn An', true, true],
    ]);
    expect(verifyFile(s.db).ok).toBe(true);
  });

  it('a re-vote shows the details and photos of the election it follows, unless given its own', async () => {
    const { s, electionId, details } = await election();
    value(s.execute('setCandidateDetails', { electionId, details }, ADMIN));
    const p = await photo('a.jpg', await portrait(0, 'jpeg'));
    value(
      s.execute('setCandidatePhoto', { electionId, name: 'Nguyễn Văn An', jpeg: p.base64 }, ADMIN),
    );
    value(s.execute('setBase', { convened: 3, exclusions: [] }, ADMIN));
    value(s.execute('startCounting', { electionId }, ADMIN));
    // Base 3: Huy kept three times, An, Ngọc and Nhung twice for the two seats left, a tie.
    for (const struck of [
      ['c4', 'c5'],
      ['c3', 'c5'],
      ['c1', 'c5'],
    ]) {
      value(s.execute('enterBallot', { electionId, ballot: { struck } }, ADMIN));
    }
    value(s.execute('closeElection', { electionId }, ADMIN));
    const followUp = value(s.execute('createFollowUp', { electionId, kind: 'revote' }, ADMIN));
    const shown = value(s.query('candidateDetails', { electionId: followUp.electionId }));
    expect(shown.map((c) => c.name)).toEqual(followUp.candidates);
    const an = shown.find((c) => c.name === 'Nguyễn Văn An');
    expect(an?.hometown).toBe('xã Thạch Châu, huyện Lộc Hà, tỉnh Hà Tĩnh');
    expect(an?.photo?.sha256).toMatch(/^[0-9a-f]{64}$/u);
    value(
      s.execute(
        'setCandidateDetails',
        {
          electionId: followUp.electionId,
          details: [{ name: 'Nguyễn Văn An', hometown: 'Hà Tĩnh' }],
        },
        ADMIN,
      ),
    );
    const own = value(s.query('candidateDetails', { electionId: followUp.electionId }));
    expect(own.find((c) => c.name === 'Nguyễn Văn An')).toMatchObject({
      hometown: 'Hà Tĩnh',
      birthYear: null,
      photo: { sha256: an?.photo?.sha256 },
    });
  });

  it('refuses a name off the list and bytes that are no JPEG, changing nothing', async () => {
    const { s, electionId, details } = await election();
    const before = snapshot(s);
    const off = refusals(
      s.execute(
        'setCandidateDetails',
        { electionId, details: [...details, { name: 'Hoàng Văn Khách' }] },
        ADMIN,
      ),
    );
    expect(refusalText(off[0]!, 'vi')).toContain('details[5].name');
    expect(refusalText(off[0]!, 'vi')).toContain('Hoàng Văn Khách');
    const png = (await portrait(0, 'png')).toString('base64');
    const notJpeg = refusals(
      s.execute('setCandidatePhoto', { electionId, name: 'Nguyễn Văn An', jpeg: png }, ADMIN),
    );
    expect(notJpeg[0]).toMatchObject({ code: 'wrong-format', path: 'jpeg' });
    const big = (await portrait(0, 'jpeg')).toString('base64'); // 900×1200: not made by the app
    const tooBig = refusals(
      s.execute('setCandidatePhoto', { electionId, name: 'Nguyễn Văn An', jpeg: big }, ADMIN),
    );
    expect(tooBig[0]).toMatchObject({ code: 'too-big', path: 'jpeg' });
    expect(snapshot(s)).toBe(before);
  });
});
