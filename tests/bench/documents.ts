/** Document figures of issue 5: the minutes of a 250-candidate election, and a ballot PDF. */
import { ballotDocument } from '../../core/documents/ballot.ts';
import { layoutFingerprint } from '../../db/fingerprint.ts';
import { renderPdf } from '../../db/pdf/render.ts';
import { minutesOf } from '../documents/records.ts';
import { bigElection } from './deck.ts';
import { median, ms, report } from './stats.ts';

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

export async function benchDocuments(): Promise<void> {
  console.log('\n## Documents (pdfmake, Tinos)');
  const record = {
    ...bigElection({ ballots: 2_000, candidates: 250, seats: 200, seed: 5 }),
    committee: [
      { name: 'Hoàng Văn Trưởng', role: 'head' as const },
      { name: 'Vũ Thị Thành Viên', role: 'member' as const },
    ],
  };
  const minutes = median(
    await timeAsync(async () => {
      await renderPdf(minutesOf(record, { date: '2025-10-14' }));
    }, 5),
  );
  report(
    'minutes of a 250-candidate election (tally + PDF, median)',
    ms(minutes),
    '< 2 s',
    minutes < 2000,
  );
  const ballot = median(
    await timeAsync(
      () => renderPdf(ballotDocument({ record, layoutFingerprint: layoutFingerprint(record) })),
      5,
    ),
  );
  report('ballot PDF, 250 names (median)', ms(ballot), '< 1 s', ballot < 1000);
  const small = bigElection({ ballots: 300, candidates: 15, seats: 12, seed: 6 });
  const ballotSmall = median(
    await timeAsync(
      () =>
        renderPdf(ballotDocument({ record: small, layoutFingerprint: layoutFingerprint(small) })),
      5,
    ),
  );
  report('ballot PDF, 15 names (median)', ms(ballotSmall), '< 1 s', ballotSmall < 1000);
}
