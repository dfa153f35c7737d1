/**
 * UI figures of issue 4, through the real browser: Enter on a ballot → the projector showing it
 * (two Chromium pages on the browser host), and keystrokes per ballot over realistic decks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keysFor, type EditorShape } from '../../renderer/features/entry/editor.ts';
import { parseRecord } from '../../core/record.ts';
import type { BallotBody } from '../../core/views.ts';
import { launch, ROOT, startHall } from '../e2e/browser.ts';
import { bigElection } from './deck.ts';
import { median, ms, percentile, report } from './stats.ts';

function keystrokes(shape: EditorShape, bodies: readonly BallotBody[]): number {
  return bodies.reduce((sum, b) => sum + keysFor(shape, b).length, 0) / bodies.length;
}

function bodiesOf(entered: readonly Record<string, unknown>[]): BallotBody[] {
  return entered.map(({ n: _n, ruling: _r, ...body }) => body as unknown as BallotBody);
}

export function benchKeystrokes(): void {
  console.log('\n## Keystrokes per ballot (keyboard entry, renderer/features/entry/editor.ts)');
  const medium = parseRecord(
    JSON.parse(
      readFileSync(join(ROOT, 'tests/decks/medium-delegates-congress/record.json'), 'utf8'),
    ),
  );
  if (medium.ok) {
    const r = medium.value;
    const shape: EditorShape = {
      layout: r.election.layout,
      seats: r.election.seats,
      codes: r.candidates.map((c) => c.id),
    };
    report(
      `golden deck medium-delegates-congress (${r.candidates.length} names, ${r.election.seats} seats)`,
      keystrokes(shape, bodiesOf(r.ballots.entered as never)).toFixed(2),
      '—',
      true,
    );
  }
  for (const [candidates, seats] of [
    [15, 12],
    [55, 45],
  ] as const) {
    const r = bigElection({ ballots: 500, candidates, seats, seed: 7 });
    const shape: EditorShape = { layout: 'strike', seats, codes: r.candidates.map((c) => c.id) };
    report(
      `generated committee deck, ${candidates} names for ${seats} seats`,
      keystrokes(shape, bodiesOf(r.ballots.entered as never)).toFixed(2),
      '—',
      true,
    );
  }
}

export async function benchEntryToProjector(): Promise<void> {
  console.log('\n## Enter on a ballot → the projector shows it (Chromium, browser host)');
  const hall = await startHall();
  const browser = await launch();
  try {
    const ws = hall.workspace;
    const created = await ws.create(join(hall.dir, 'bench'), {
      name: 'Đại hội đại biểu',
      organisation: 'Đảng bộ tỉnh',
      kind: 'delegates',
    });
    if (!created.ok || ws.service === null) throw new Error('could not create the bench file');
    const s = ws.service;
    const actor = { name: 'bench', role: 'admin' as const };
    const names = Array.from(
      { length: 15 },
      (_, i) => `Nguyễn Văn Ứng Viên ${String.fromCharCode(65 + i)}`,
    );
    s.execute('setBase', { convened: 300 }, actor);
    const e = s.execute(
      'createElection',
      {
        title: 'Bầu Ban Chấp hành',
        kind: 'committee',
        layout: 'strike',
        seats: 12,
        candidates: names,
      },
      actor,
    );
    if (!e.ok) throw new Error(JSON.stringify(e.error));
    const electionId = e.value.electionId;
    s.execute('startCounting', { electionId }, actor);
    s.execute('setDisplay', { electionId, showFigures: true }, actor);

    const operator = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await operator.goto(hall.url);
    await operator.getByRole('button', { name: 'Nhập phiếu' }).click();
    await operator.getByRole('heading', { name: 'Phiếu số 1' }).waitFor();
    const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await projector.goto(hall.url.replace('#token', '#/projector?token'));
    await projector.getByTestId('projector-counted').waitFor();
    // The projector records when each count first appears; the operator page when Enter goes down.
    await projector.evaluate(`(() => {
      window.__seen = {};
      const note = () => {
        const m = /Đã kiểm (\\d+)/u.exec(document.querySelector('[data-testid=projector-counted]')?.textContent ?? '');
        if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = performance.timeOrigin + performance.now();
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await operator.evaluate(`(() => {
      window.__enter = [];
      window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enter.push(performance.timeOrigin + performance.now()); }, true);
    })()`);
    const runs = 60;
    for (let i = 0; i < runs; i++) {
      await operator.keyboard.type('1314', { delay: 20 });
      await operator.keyboard.press('Enter');
      await projector.getByText(`Đã kiểm ${i + 1} phiếu`).waitFor();
    }
    const enters = (await operator.evaluate('window.__enter')) as number[];
    const seen = (await projector.evaluate('window.__seen')) as Record<string, number>;
    const latencies = enters
      .map((t, i) => (seen[String(i + 1)] ?? NaN) - t)
      .filter((x) => Number.isFinite(x));
    const med = median(latencies);
    report(
      `Enter → projector shows the ballot (median of ${latencies.length})`,
      ms(med),
      '< 250 ms',
      med < 250,
    );
    report('Enter → projector shows the ballot (p95)', ms(percentile(latencies, 95)), '—', true);
  } finally {
    await browser.close();
    await hall.stop();
  }
}
