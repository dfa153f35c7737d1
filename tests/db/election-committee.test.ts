/**
 * A conference election has its own counting committee and its own base: set with `setCommittee`
 * and `setBase` given its election, read back by the `committee` query, carried by the record
 * through export and import, and printed in its minutes with the conference's wording.
 */
import { shortHash } from '../../core/audit-chain.ts';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../../db/documents.ts';
import { ADMIN, newService, refusals, setCongress, tempDir, value } from './helpers.ts';
import type { Service } from '../../db/service.ts';

const CONGRESS_COMMITTEE = [
  { name: 'Hoàng Văn Trưởng', role: 'head' as const },
  { name: 'Vũ Thị Thành Viên', role: 'member' as const },
];
const CONFERENCE_COMMITTEE = [
  { name: 'Kiều Văn Kiểm', role: 'member' as const },
  { name: 'Lương Thị Hội Nghị', role: 'head' as const },
];

/** A congress (base 350 − 3) and the secretary's election at the conference (base 55 − 2). */
function congressWithConference(service: Service): { secretary: number; committee: number } {
  setCongress(service, {
    name: 'Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XXI',
    organisation: 'Đảng bộ tỉnh Thái Nguyên',
    place: 'Hội trường Trung tâm Hội nghị tỉnh',
    dateStart: '2025-10-14',
  });
  value(
    service.execute(
      'setBase',
      { convened: 350, exclusions: [{ category: 'delegate-absent-no-alternate', count: 3 }] },
      ADMIN,
    ),
  );
  value(service.execute('setCommittee', { members: CONGRESS_COMMITTEE }, ADMIN));
  const committee = value(
    service.execute(
      'createElection',
      {
        title: 'Bầu Ban Chấp hành Đảng bộ tỉnh khóa XXI, nhiệm kỳ 2025–2030',
        kind: 'committee',
        layout: 'strike',
        seats: 1,
        candidates: ['Nguyễn Văn An', 'Trần Thị Bình'],
      },
      ADMIN,
    ),
  ).electionId;
  const secretary = value(
    service.execute(
      'createElection',
      {
        title: 'Bầu Bí thư Tỉnh ủy khóa XXI, nhiệm kỳ 2025–2030',
        kind: 'secretary',
        layout: 'approve',
        seats: 1,
        candidates: ['Trịnh Việt Hùng'],
      },
      ADMIN,
    ),
  ).electionId;
  value(
    service.execute(
      'setBase',
      {
        electionId: secretary,
        convened: 55,
        exclusions: [{ category: 'member-absent', count: 2 }],
      },
      ADMIN,
    ),
  );
  value(
    service.execute(
      'setCommittee',
      { electionId: secretary, members: CONFERENCE_COMMITTEE },
      ADMIN,
    ),
  );
  value(service.execute('startCounting', { electionId: secretary }, ADMIN));
  const code = value(service.query('election', { electionId: secretary })).candidates[0]!.code;
  for (let i = 0; i < 3; i++)
    value(
      service.execute(
        'enterBallot',
        { electionId: secretary, ballot: { marks: { [code]: 'agree' } } },
        ADMIN,
      ),
    );
  return { secretary, committee };
}

const headFirst = [CONFERENCE_COMMITTEE[1], CONFERENCE_COMMITTEE[0]];

describe('a conference election has its own counting committee', () => {
  it('is stored apart from the congress committee and read by the committee query', () => {
    const service = newService();
    const { secretary, committee } = congressWithConference(service);
    expect(value(service.query('committee', {}))).toEqual(CONGRESS_COMMITTEE);
    expect(value(service.query('committee', { electionId: secretary }))).toEqual(headFirst);
    expect(value(service.query('committee', { electionId: committee }))).toEqual([]);
    // Replacing the congress committee leaves the conference's alone.
    value(
      service.execute('setCommittee', { members: [{ name: 'Người Khác', role: 'head' }] }, ADMIN),
    );
    expect(value(service.query('committee', { electionId: secretary }))).toEqual(headFirst);
  });

  it('the record carries the election committee, or else the congress one', () => {
    const service = newService();
    const { secretary, committee } = congressWithConference(service);
    const own = value(service.query('exportRecord', { electionId: secretary }));
    expect(own.committee).toEqual(headFirst);
    expect(own.base).toMatchObject({
      convened: 55,
      exclusions: [{ category: 'member-absent', count: 2 }],
    });
    expect(value(service.query('exportRecord', { electionId: committee })).committee).toEqual(
      CONGRESS_COMMITTEE,
    );
  });

  it('an imported record keeps its own committee beside the file congress committee', () => {
    const from = newService();
    const { secretary } = congressWithConference(from);
    const record = value(from.query('exportRecord', { electionId: secretary }));
    const to = newService();
    setCongress(to, { name: 'Đại hội khác', organisation: 'Đảng bộ tỉnh Thái Nguyên' });
    value(to.execute('setCommittee', { members: CONGRESS_COMMITTEE }, ADMIN));
    const { electionId } = value(to.execute('importElection', { record }, ADMIN));
    expect(value(to.query('committee', { electionId }))).toEqual(headFirst);
    expect(value(to.query('exportRecord', { electionId })).committee).toEqual(headFirst);
    expect(value(to.query('committee', {}))).toEqual(CONGRESS_COMMITTEE);
  });

  it('refuses an unknown election, and a change once the election is finalized', () => {
    const service = newService();
    const { secretary } = congressWithConference(service);
    expect(
      refusals(
        service.execute('setCommittee', { electionId: 999, members: CONFERENCE_COMMITTEE }, ADMIN),
      )[0]?.code,
    ).toBe('not-found');
    value(service.execute('setIssued', { electionId: secretary, issued: 3 }, ADMIN));
    value(service.execute('closeElection', { electionId: secretary }, ADMIN));
    value(service.execute('finalizeElection', { electionId: secretary }, ADMIN));
    const r = refusals(
      service.execute(
        'setCommittee',
        { electionId: secretary, members: CONGRESS_COMMITTEE },
        ADMIN,
      ),
    );
    expect(r[0]?.code).toBe('wrong-status');
    expect(value(service.query('committee', { electionId: secretary }))).toEqual(headFirst);
  });

  it('its minutes: conference wording, its committee, its base, and the file chain head', async () => {
    const service = newService();
    const { secretary } = congressWithConference(service);
    const made = await makeDocument(service, 'minutes', { electionId: secretary, paper: 'A4' });
    const doc = value(made);
    const pdf = join(tempDir(), doc.fileName);
    writeFileSync(pdf, doc.bytes);
    const t = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/gu, ' ');
    expect(t).toContain('HỘI NGHỊ LẦN THỨ NHẤT BAN CHẤP HÀNH ĐẢNG BỘ TỈNH THÁI NGUYÊN KHÓA XXI');
    expect(t).toContain('thông qua trước Hội nghị');
    expect(t).not.toContain('Đại hội');
    for (const m of CONFERENCE_COMMITTEE) expect(t).toContain(m.name);
    for (const m of CONGRESS_COMMITTEE) expect(t).not.toContain(m.name);
    expect(t).toContain('Cơ sở tính tỷ lệ: 53 (triệu tập 55 − loại trừ 2)');
    expect(t).toContain('Thái Nguyên, ngày 14 tháng 10 năm 2025');
    const last = service.db.prepare('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1').get() as {
      hash: string;
    };
    expect(t).toContain(`Mã kiểm tra tệp: ${shortHash(last.hash)}`);
  });
});
