/**
 * The practice congress (tập huấn): the file it makes, the stack it prints, counting the stack
 * through the real commands gives the printed result (the tie, the re-vote, the secretary), the
 * ballot-by-ballot comparison, and the wall between practice and real files.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../core/ballot.ts';
import type { ElectionRecord } from '../../core/record.ts';
import {
  checkPractice,
  PRACTICE_ELECTIONS,
  practiceBallot,
  practiceElection,
} from '../../core/practice.ts';
import { main } from '../../cli/main.ts';
import { Api } from '../../db/api.ts';
import { makeDocument } from '../../db/documents.ts';
import { layoutFingerprint } from '../../db/fingerprint.ts';
import {
  createPracticeFile,
  expectedOf,
  fillPractice,
  practiceDetails,
} from '../../db/practice.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { Service } from '../../db/service.ts';
import { verifyFile } from '../../db/verify.ts';
import { Workspace } from '../../db/workspace.ts';
import { ADMIN, countingElection, newService, refusals, tempDir, value } from './helpers.ts';

const TODAY = '2026-05-10';

function practiceService(): Service {
  const service = newService();
  value(service.execute('updateCongress', practiceDetails(TODAY), ADMIN));
  fillPractice(service);
  return service;
}

const electionByCode = (service: Service, code: string) => {
  const e = value(service.query('elections')).find((x) => x.code === code);
  if (e === undefined) throw new Error(`no election ${code}`);
  return value(service.query('election', { electionId: e.id }));
};

/** The stack of `code` entered as printed (or with `change` applied to some ballots). */
function countStack(
  service: Service,
  code: string,
  change: (n: number, b: Ballot) => Ballot | null = (_, b) => b,
): number {
  const e = electionByCode(service, code);
  if (e.status === 'open') value(service.execute('startCounting', { electionId: e.id }, ADMIN));
  const expected = practiceElection(code)!.ballots.map((b) => practiceBallot(b, e.candidates));
  expected.forEach((b, i) => {
    const ballot = change(i + 1, b);
    if (ballot !== null) value(service.execute('enterBallot', { electionId: e.id, ballot }, ADMIN));
  });
  return e.id;
}

function check(service: Service, code: string) {
  const e = electionByCode(service, code);
  const expected = practiceElection(code)!.ballots.map((b) => practiceBallot(b, e.candidates));
  const entered = value(service.query('ballots', { electionId: e.id })).map((b) => ({
    n: b.n,
    body: b.ruling === null ? b.body : ({ ...b.body, ruling: b.ruling } as Ballot),
    voided: b.voided,
  }));
  return checkPractice(expected, entered);
}

describe('the practice file', () => {
  it('holds a whole congress, knows it is practice, and its log replays', () => {
    const service = practiceService();
    const congress = value(service.query('congress'))!;
    expect(congress.practice).toBe(true);
    expect(congress.name).toContain('(TẬP HUẤN)');
    expect(value(service.query('delegates'))).toHaveLength(13);
    const base = value(service.query('base', {}));
    expect(base).toMatchObject({ convened: 13, present: 12, computed: 12 });
    expect(value(service.query('committee', {})).map((m) => m.role)).toEqual([
      'head',
      'member',
      'member',
    ]);
    const bch = electionByCode(service, 'bch');
    expect(bch).toMatchObject({ layout: 'strike', seats: 5, status: 'open', issued: 12 });
    // Ballot order: by given name (Hoa, Hùng, Lan, Mai, Nam, Thành), a surplus of one.
    expect(bch.candidates.map((c) => c.name)).toEqual([
      'Phạm Thị Hoa',
      'Nguyễn Văn Hùng',
      'Vũ Thị Lan',
      'Trần Thị Mai',
      'Hoàng Văn Nam',
      'Lê Văn Thành',
    ]);
    expect(electionByCode(service, 'bt')).toMatchObject({ layout: 'approve', seats: 1 });
    expect(verifyFile(service.db).ok).toBe(true);
  });

  it('counting the stack as printed gives the printed result: a tie, the re-vote, the secretary', () => {
    const service = practiceService();
    const bch = countStack(service, 'bch');
    const result = value(service.query('results', { electionId: bch }));
    const names = (ids: readonly string[]) =>
      ids.map((id) => electionByCode(service, 'bch').candidates.find((c) => c.code === id)!.name);
    expect(result.status).toBe('tie');
    expect(names(result.elected)).toEqual([
      'Nguyễn Văn Hùng',
      'Trần Thị Mai',
      'Phạm Thị Hoa',
      'Lê Văn Thành',
    ]);
    expect(names(result.tie!.candidates)).toEqual(['Vũ Thị Lan', 'Hoàng Văn Nam']);
    expect(result.ballots).toMatchObject({
      valid: 11,
      invalid: 1,
      invalidByReason: { 'over-vote': 1 },
    });
    expect(check(service, 'bch')).toMatchObject({ ok: true, matched: 12, missing: 0, wrong: 0 });
    // What the answer sheet prints is what the file counts.
    const record = value(service.query('exportRecord', { electionId: bch }));
    expect(expectedOf(record, practiceElection('bch')!).result.elected).toEqual(result.elected);

    value(service.execute('closeElection', { electionId: bch }, ADMIN));
    value(service.execute('finalizeElection', { electionId: bch }, ADMIN));
    const revote = value(
      service.execute('createFollowUp', { electionId: bch, kind: 'revote' }, ADMIN),
    );
    expect(revote.code).toBe('bch-v2');
    const v2 = electionByCode(service, 'bch-v2');
    expect(v2.title).toBe(practiceElection('bch-v2')!.title);
    value(service.execute('setIssued', { electionId: v2.id, issued: 12 }, ADMIN));
    value(service.execute('openElection', { electionId: v2.id }, ADMIN));
    countStack(service, 'bch-v2');
    const second = value(service.query('results', { electionId: v2.id }));
    expect(second.elected.map((id) => v2.candidates.find((c) => c.code === id)!.name)).toEqual([
      'Vũ Thị Lan',
    ]);
    expect(second.ballots.invalidByReason).toEqual({ 'all-struck': 1 });
    expect(check(service, 'bch-v2').ok).toBe(true);

    const bt = countStack(service, 'bt');
    const secretary = value(service.query('results', { electionId: bt }));
    expect(secretary.candidates[0]).toMatchObject({ name: 'Nguyễn Văn Hùng', votes: 10 });
    expect(secretary.elected).toHaveLength(1);
    expect(secretary.ballots.invalidByReason).toEqual({ 'no-choice': 1 });
    expect(verifyFile(service.db).ok).toBe(true);
  });

  it('compares ballot by ballot: a wrong ballot, a missing one, a voided one taken back', () => {
    const service = practiceService();
    // Ballot 3 entered with the wrong name struck; ballot 12 not entered yet.
    const id = countStack(service, 'bch', (n, b) =>
      n === 3 ? { struck: ['c6'] } : n === 12 ? null : b,
    );
    let c = check(service, 'bch');
    expect(c.ok).toBe(false);
    expect(c.rows.filter((r) => !r.match).map((r) => r.n)).toEqual([3, 12]);
    expect(c).toMatchObject({ matched: 10, wrong: 1, missing: 1 });
    // The team corrects ballot 3 and enters the last: a match.
    const e = electionByCode(service, 'bch');
    const right = practiceBallot(practiceElection('bch')!.ballots[2]!, e.candidates);
    value(service.execute('correctBallot', { electionId: id, n: 3, ballot: right }, ADMIN));
    const last = practiceBallot(practiceElection('bch')!.ballots[11]!, e.candidates);
    value(service.execute('enterBallot', { electionId: id, ballot: last }, ADMIN));
    expect(check(service, 'bch').ok).toBe(true);
    // A ballot entered twice and voided: its place goes to the next one, still a match.
    const bt = countStack(service, 'bt', (n, b) => b);
    value(
      service.execute('enterBallot', { electionId: bt, ballot: { marks: { c1: 'agree' } } }, ADMIN),
    );
    c = check(service, 'bt');
    expect(c).toMatchObject({ ok: false, wrong: 1, missing: 0 });
    expect(c.rows[12]).toMatchObject({ n: 13, expected: null, match: false });
    value(service.execute('voidBallot', { electionId: bt, n: 13, reason: 'nhập trùng' }, ADMIN));
    expect(check(service, 'bt').ok).toBe(true);
  });
});

describe('practice and real never mix', () => {
  it('a practice file stays practice, a real one real', () => {
    const practice = practiceService();
    expect(
      refusals(
        practice.execute('updateCongress', { ...practiceDetails(TODAY), practice: false }, ADMIN),
      ),
    ).toEqual([{ code: 'practice-mixed', practice: true, path: 'practice' }]);
    // Updating the details without the flag keeps it.
    const { practice: _flag, ...details } = practiceDetails(TODAY);
    value(practice.execute('updateCongress', { ...details, place: 'Xã Hòa Bình' }, ADMIN));
    expect(value(practice.query('congress'))!.practice).toBe(true);
    // Nor can the file be changed around the app: the schema refuses it.
    expect(() => practice.db.prepare('UPDATE congress SET practice = 0').run()).toThrow(
      /practice is fixed/u,
    );

    const real = newService();
    countingElection(real);
    expect(
      refusals(
        real.execute(
          'updateCongress',
          { name: 'Đại hội', organisation: 'Đảng bộ', kind: 'delegates', practice: true },
          ADMIN,
        ),
      ),
    ).toEqual([{ code: 'practice-mixed', practice: false, path: 'practice' }]);
    expect(value(real.query('congress'))!.practice).toBeUndefined();
  });

  it('a practice record is refused by a real file, a real record by a practice file', () => {
    const practice = practiceService();
    const bch = countStack(practice, 'bch');
    const practiceRecord = value(practice.query('exportRecord', { electionId: bch }));
    expect(practiceRecord.congress.practice).toBe(true);

    const real = newService();
    const realId = countingElection(real);
    value(real.execute('enterBallot', { electionId: realId, ballot: { struck: ['c1'] } }, ADMIN));
    const realRecord = value(real.query('exportRecord', { electionId: realId }));
    expect('practice' in realRecord.congress).toBe(false);

    const before = value(real.query('elections')).length;
    // The other file's record under an unused election id: what is refused is the practice mark.
    const importAs = (into: Service, record: ElectionRecord, id: string) =>
      into.execute(
        'importElection',
        { record: { ...record, election: { ...record.election, id } } },
        ADMIN,
      );
    expect(refusals(importAs(real, practiceRecord, 'x'))).toEqual([
      { code: 'practice-mixed', practice: false, path: 'congress.practice' },
    ]);
    expect(value(real.query('elections'))).toHaveLength(before);
    expect(refusals(importAs(practice, realRecord, 'y'))).toEqual([
      { code: 'practice-mixed', practice: true, path: 'congress.practice' },
    ]);
    // An empty file takes what the record is.
    const empty = newService();
    value(empty.execute('importElection', { record: practiceRecord }, ADMIN));
    expect(value(empty.query('congress'))!.practice).toBe(true);
  });
});

describe('the printed stack and the documents', () => {
  it('prints the answer sheets and every pre-marked ballot, labelled, with the election’s own QR code', async () => {
    const dir = tempDir();
    const made = value(await createPracticeFile(join(dir, 'tap-huan'), TODAY));
    expect(made.path).toBe(join(dir, 'tap-huan.kiemphieu'));
    expect(made.deck).toBe(join(dir, 'tap-huan-bo-phieu-tap-huan.pdf'));
    expect(existsSync(made.path)).toBe(true);
    const pages = Number(
      /Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [made.deck], { encoding: 'utf8' }))![1],
    );
    const ballots = PRACTICE_ELECTIONS.reduce((n, e) => n + e.ballots.length, 0);
    expect(ballots).toBe(36);
    const raw = execFileSync('pdftotext', ['-layout', made.deck, '-'], { encoding: 'utf8' });
    const text = raw.replace(/[ \n]+/gu, ' ');
    const answerPages = raw
      .split('\f')
      .findIndex((p) => p.includes('PHIẾU TẬP HUẤN — KHÔNG DÙNG ĐỂ BẦU'));
    expect(pages).toBe(answerPages + ballots);
    expect(text).toContain('BỘ PHIẾU TẬP HUẤN ĐÃ ĐÁNH DẤU SẴN VÀ KẾT QUẢ ĐÚNG');
    expect(text).toMatch(/Ngang phiếu ở chỗ cuối: Vũ Thị Lan, Hoàng Văn Nam cho 1 chỗ/u);
    expect(text).toContain('PHIẾU TẬP HUẤN — KHÔNG DÙNG ĐỂ BẦU — BCH — 12/12');
    expect(text).toContain('PHIẾU TẬP HUẤN — KHÔNG DÙNG ĐỂ BẦU — BCH-V2 — 1/12');
    expect(text).toContain('PHIẾU TẬP HUẤN — KHÔNG DÙNG ĐỂ BẦU — BT — 12/12');
    // A second stack on the same file is refused, the first untouched.
    const again = await createPracticeFile(made.path, TODAY);
    expect(again.ok).toBe(false);
    expect(readFileSync(made.deck).length).toBeGreaterThan(10_000);
  }, 60_000);

  it('the re-vote’s ballots carry the QR fingerprint of the re-vote the team will create', () => {
    const service = practiceService();
    const bch = countStack(service, 'bch');
    const parent = value(service.query('exportRecord', { electionId: bch }));
    value(service.execute('closeElection', { electionId: bch }, ADMIN));
    value(service.execute('finalizeElection', { electionId: bch }, ADMIN));
    value(service.execute('createFollowUp', { electionId: bch, kind: 'revote' }, ADMIN));
    const made = value(
      service.query('exportRecord', { electionId: electionByCode(service, 'bch-v2').id }),
    );
    const predicted = {
      ...parent,
      election: {
        ...parent.election,
        id: 'bch-v2',
        title: practiceElection('bch-v2')!.title,
        seats: 1,
        round: 2,
        parent: 'bch',
      },
      candidates: [
        { id: 'c1', name: 'Vũ Thị Lan' },
        { id: 'c2', name: 'Hoàng Văn Nam' },
      ],
    };
    expect(layoutFingerprint(made)).toBe(layoutFingerprint(predicted));
  });

  it('every document of a practice election says TẬP HUẤN, and its file name too', async () => {
    const service = practiceService();
    const bch = countStack(service, 'bch');
    for (const kind of ['minutes', 'announcement', 'ballot'] as const) {
      const doc = value(await makeDocument(service, kind, { electionId: bch, paper: 'A4' }));
      expect(doc.fileName).toMatch(/^tap-huan-/u);
      const file = join(tempDir(), doc.fileName);
      writeFileSync(file, doc.bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text, kind).toContain('TẬP HUẤN — KHÔNG PHẢI ĐẠI HỘI THẬT, KHÔNG CÓ GIÁ TRỊ');
    }
    const record = value(await makeDocument(service, 'record', { electionId: bch, paper: 'A4' }));
    expect(record.fileName).toMatch(/^tap-huan-ho-so-/u);
    expect(JSON.parse(Buffer.from(record.bytes).toString('utf8')).congress.practice).toBe(true);
    const xlsx = value(
      await makeDocument(service, 'results-xlsx', { electionId: bch, paper: 'A4' }),
    );
    expect(xlsx.fileName).toMatch(/^tap-huan-ket-qua-/u);
    // Inside, the title rows name the practice congress and election: TẬP HUẤN.
    for (const kind of ['results-xlsx', 'ballots-xlsx', 'congress-xlsx'] as const) {
      const doc = value(await makeDocument(service, kind, { electionId: bch, paper: 'A4' }));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(doc.bytes) as unknown as ArrayBuffer);
      const first = wb.worksheets[0]!;
      const top = [1, 2, 3, 4, 5].flatMap((r) =>
        (first.getRow(r).values as unknown[]).map((v) => String(v ?? '')),
      );
      expect(
        top.some((v) => v.includes('TẬP HUẤN')),
        kind,
      ).toBe(true);
    }
  }, 60_000);
});

describe('making one', () => {
  it('kiem-phieu practice: the file and the stack, a usage error, an existing file refused', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const file = join(dir, 'tap-huan.kiemphieu');
    expect(await main(['practice', file, '--date', '2026-05-10'], io)).toBe(0);
    expect(out.join('')).toBe(
      `Đã tạo đại hội TẬP HUẤN: ${file}\nBộ phiếu đã đánh dấu sẵn và kết quả đúng (PDF): ${join(dir, 'tap-huan-bo-phieu-tap-huan.pdf')}\n`,
    );
    expect(await main(['practice', file, '--lang', 'en'], io)).toBe(1);
    expect(err.join('')).toContain(`Cannot create the practice file ${file}`);
    expect(err.join('')).toContain('already exists');
    expect(await main(['practice', file, '--date', '10/05/2026'], io)).toBe(2);
    // The minutes the CLI prints from a practice record say so too.
    const service = Service.open(file, { backups: false });
    const bch = electionByCode(service, 'bch').id;
    const record = join(dir, 'bch.json');
    writeFileSync(
      record,
      JSON.stringify(value(service.query('exportRecord', { electionId: bch }))),
    );
    await service.close();
    const pdf = join(dir, 'bien-ban.pdf');
    expect(await main(['minutes', record, '--pdf', pdf], io)).toBe(0);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(
      'TẬP HUẤN — KHÔNG PHẢI ĐẠI HỘI THẬT, KHÔNG CÓ GIÁ TRỊ',
    );
  }, 60_000);

  it('from a station: leaving a file that has operators for a practice file needs an admin', async () => {
    const dir = tempDir();
    const workspace = new Workspace({ home: dir, options: { backups: false } });
    const api = new Api(workspace);
    const real = join(dir, 'that.kiemphieu');
    value(
      await workspace.create(real, { name: 'Đại hội', organisation: 'Đảng bộ', kind: 'delegates' }),
    );
    value(
      workspace.service!.execute('addOperator', { name: 'An', role: 'admin', pin: '1234' }, ADMIN),
    );
    const refused = await api.handle({
      kind: 'file',
      name: 'practice',
      input: { path: join(dir, 'tap-huan') },
    });
    expect(refused).toMatchObject({ ok: false, error: [{ code: 'login-required' }] });
    expect(workspace.info()?.path).toBe(real);
    const login = await api.handle({ kind: 'login', input: { name: 'An', pin: '1234' } });
    const session = (login as { value: { session: string } }).value.session;
    const made = await api.handle({
      kind: 'file',
      name: 'practice',
      input: { path: join(dir, 'tap-huan') },
      session,
    });
    expect(made).toMatchObject({
      ok: true,
      value: {
        file: { path: join(dir, 'tap-huan.kiemphieu'), congress: { practice: true } },
        deck: join(dir, 'tap-huan-bo-phieu-tap-huan.pdf'),
      },
    });
    await workspace.close();
  }, 60_000);
});

describe('the stack through the scanner', () => {
  it('a printed practice ballot reads as printed in the practice election, and nowhere else', async () => {
    const dir = tempDir();
    const made = value(await createPracticeFile(join(dir, 'tap-huan'), TODAY));
    const service = Service.open(made.path, { backups: false });
    try {
      const bch = electionByCode(service, 'bch');
      const bt = electionByCode(service, 'bt');
      const record = (id: number) => value(service.query('exportRecord', { electionId: id }));
      // Answer sheets first, then 12 ballots per election: bch 10 is page answers+10, bt 4 is
      // answers+24+4.
      const raw = execFileSync('pdftotext', [made.deck, '-'], { encoding: 'utf8' });
      const answers = raw.split('\f').findIndex((p) => p.includes('KHÔNG DÙNG ĐỂ BẦU'));
      const page = (n: number) => {
        execFileSync('pdftoppm', [
          '-r',
          '150',
          '-gray',
          '-png',
          '-f',
          String(n),
          '-l',
          String(n),
          '-singlefile',
          made.deck,
          join(dir, `p${n}`),
        ]);
        return join(dir, `p${n}.png`);
      };
      const bch10 = page(answers + 10);
      const bt4 = page(answers + 24 + 4);
      const [read] = await scanFiles({ record: record(bch.id), files: [bch10], threads: 1 });
      expect(read!.status).toBe('read');
      const struck = read!.lines!.filter((l) => l.struck === 'struck').map((l) => l.id);
      expect(struck.sort()).toEqual(
        (
          practiceBallot(practiceElection('bch')!.ballots[9]!, bch.candidates) as {
            struck: string[];
          }
        ).struck.sort(),
      );
      const [secretary] = await scanFiles({ record: record(bt.id), files: [bt4], threads: 1 });
      expect(secretary!.status).toBe('read');
      expect(secretary!.lines!.map((l) => l.mark)).toEqual(['disagree']);
      // Fed into another election's count, a practice ballot is refused.
      const [other] = await scanFiles({ record: record(bt.id), files: [bch10], threads: 1 });
      expect(other).toMatchObject({ status: 'rejected', reason: 'other-election' });
    } finally {
      await service.close();
    }
  }, 120_000);
});
