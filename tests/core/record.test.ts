/** Malformed records are refused whole, naming the ballot and the field (election-record.md). */
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../core/record.ts';
import { refusalText } from '../../core/refusal.ts';
import { rawRecord } from '../helpers/record.ts';

function refusalsOf(raw: unknown) {
  const parsed = parseRecord(raw);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error;
}

const withBallots = (ballots: unknown[], extra: Parameters<typeof rawRecord>[0] = {}) =>
  rawRecord({ candidates: 4, seats: 3, ...extra, ballots });

describe('election record refusals', () => {
  it('a struck id not on the list names the ballot and the field', () => {
    const [r] = refusalsOf(
      withBallots([
        { n: 1, struck: [] },
        { n: 7, struck: ['c2', 'c9'] },
      ]),
    );
    expect(r).toMatchObject({
      code: 'unknown-candidate',
      id: 'c9',
      ballot: 7,
      path: 'ballots.entered[1].struck[1]',
    });
    expect(refusalText(r!, 'vi')).toBe(
      'Phiếu số 7 — ballots.entered[1].struck[1]: ứng cử viên "c9" không có trong danh sách bầu cử',
    );
    expect(refusalText(r!, 'en')).toBe(
      'Ballot n=7 — ballots.entered[1].struck[1]: candidate "c9" is not on the election list',
    );
  });

  it('a duplicate n', () => {
    const [r] = refusalsOf(
      withBallots([
        { n: 1, struck: [] },
        { n: 2, struck: ['c1'] },
        { n: 2, struck: ['c2'] },
      ]),
    );
    expect(r).toMatchObject({ code: 'duplicate-n', ballot: 2, path: 'ballots.entered[2].n' });
  });

  it('a name struck twice on one ballot', () => {
    const [r] = refusalsOf(withBallots([{ n: 1, struck: ['c1', 'c1'] }]));
    expect(r).toMatchObject({
      code: 'duplicate-struck',
      ballot: 1,
      path: 'ballots.entered[0].struck[1]',
    });
  });

  it('marks of the wrong layout: approve marks in a strike election, and the reverse', () => {
    const [a] = refusalsOf(
      withBallots([{ n: 3, marks: { c1: 'agree', c2: 'none', c3: 'none', c4: 'none' } }]),
    );
    expect(a).toMatchObject({
      code: 'layout-mismatch',
      ballot: 3,
      path: 'ballots.entered[0].marks',
    });
    const [b] = refusalsOf(
      withBallots([{ n: 4, struck: [] }], { layout: 'approve', kind: 'secretary' }),
    );
    expect(b).toMatchObject({
      code: 'layout-mismatch',
      ballot: 4,
      path: 'ballots.entered[0].struck',
    });
  });

  it('approve marks for a candidate not on the list, or missing one', () => {
    const spec = {
      layout: 'approve' as const,
      kind: 'secretary' as const,
      candidates: 2,
      seats: 2,
    };
    const [unknown] = refusalsOf(
      rawRecord({ ...spec, ballots: [{ n: 1, marks: { c1: 'agree', c2: 'none', c5: 'agree' } }] }),
    );
    expect(unknown).toMatchObject({
      code: 'unknown-candidate',
      id: 'c5',
      path: 'ballots.entered[0].marks.c5',
    });
    const [missing] = refusalsOf(
      rawRecord({ ...spec, ballots: [{ n: 1, marks: { c1: 'agree' } }] }),
    );
    expect(missing).toMatchObject({ code: 'missing-mark', id: 'c2', ballot: 1 });
  });

  it('unknown codes: invalid reason, mark value, ruling code', () => {
    expect(refusalsOf(withBallots([{ n: 5, invalid: 'torn' }]))[0]).toMatchObject({
      code: 'enum',
      value: 'torn',
      ballot: 5,
      path: 'ballots.entered[0].invalid',
    });
    expect(
      refusalsOf(
        rawRecord({
          layout: 'approve',
          kind: 'secretary',
          candidates: 1,
          seats: 1,
          ballots: [{ n: 1, marks: { c1: 'yes' } }],
        }),
      )[0],
    ).toMatchObject({ code: 'enum', path: 'ballots.entered[0].marks.c1' });
    expect(
      refusalsOf(withBallots([{ n: 2, struck: [], ruling: { invalid: 'over-vote' } }]))[0],
    ).toMatchObject({
      code: 'enum',
      path: 'ballots.entered[0].ruling.invalid',
    });
  });

  it('a ballot that is none or several of struck / marks / invalid', () => {
    expect(refusalsOf(withBallots([{ n: 1 }]))[0]).toMatchObject({
      code: 'ballot-shape',
      ballot: 1,
    });
    expect(refusalsOf(withBallots([{ n: 1, struck: [], invalid: 'marked' }]))[0]).toMatchObject({
      code: 'ballot-shape',
    });
    expect(refusalsOf(withBallots(['phiếu']))[0]).toMatchObject({
      code: 'ballot-shape',
      path: 'ballots.entered[0]',
    });
  });

  it('negative or zero seats, fractional n', () => {
    const raw = rawRecord({});
    (raw.election as Record<string, unknown>).seats = -1;
    expect(refusalsOf(raw)[0]).toMatchObject({ code: 'too-small', path: 'election.seats' });
    expect(refusalsOf(withBallots([{ n: 1.5, struck: [] }]))[0]).toMatchObject({
      code: 'not-integer',
      path: 'ballots.entered[0].n',
    });
  });

  it('a wrong format', () => {
    const raw = { ...rawRecord({}), format: 'kiem-phieu/election-record@2' };
    const [r] = refusalsOf(raw);
    expect(r).toMatchObject({ code: 'wrong-format', path: 'format' });
    expect(refusalText(r!, 'vi')).toContain('kiem-phieu/election-record@1');
  });

  it('a duplicate candidate id', () => {
    const raw = rawRecord({});
    (raw.candidates as { id: string }[])[2]!.id = 'c1';
    expect(refusalsOf(raw)[0]).toMatchObject({
      code: 'duplicate-candidate-id',
      id: 'c1',
      path: 'candidates[2].id',
    });
  });

  it('an unknown field, a missing field, a wrong type, an empty name', () => {
    expect(refusalsOf({ ...rawRecord({}), extra: 1 })[0]).toMatchObject({
      code: 'unknown-field',
      keys: ['extra'],
    });
    const noSeats = rawRecord({});
    delete (noSeats.election as Record<string, unknown>).seats;
    expect(refusalsOf(noSeats)[0]).toMatchObject({ code: 'required', path: 'election.seats' });
    const text = rawRecord({});
    (text.base as Record<string, unknown>).convened = '350';
    const [t] = refusalsOf(text);
    expect(t).toMatchObject({ code: 'type', path: 'base.convened' });
    expect(refusalText(t!, 'vi')).toBe('base.convened: phải là số, nhận được chuỗi ký tự');
    const empty = rawRecord({ names: ['  ', 'Lê An'] });
    expect(refusalsOf(empty)[0]).toMatchObject({ code: 'empty-text', path: 'candidates[0].name' });
  });

  it('names are normalised to NFC on the way in', () => {
    const parsed = parseRecord(
      rawRecord({ names: ['Nguye\u0302\u0303n Va\u0306n Bi\u0300nh', 'Lê An'] }),
    );
    expect(parsed.ok && parsed.value.candidates[0]?.name).toBe('Nguyễn Văn Bình');
  });

  it('a refused record yields no partial data', () => {
    const parsed = parseRecord(
      withBallots([
        { n: 1, struck: [] },
        { n: 2, struck: ['zz'] },
      ]),
    );
    expect(parsed.ok).toBe(false);
    expect('value' in parsed).toBe(false);
  });
});
