/**
 * One doubtful sheet: the image straightened, the doubtful line outlined and shown zoomed, the
 * reader's reading and the person's decision side by side. One key per doubtful line; Enter saves
 * the decision as the ballot, kept beside the reading with who decided.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScanReason } from '../../../core/scan/reasons.ts';
import type { ScanView } from '../../../core/scan/sheet-record.ts';
import type { ElectionView } from '../../../core/views.ts';
import { Messages } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useAskOtherNote } from '../entry/AskOtherNote.tsx';
import { useCommand } from '../../use-command.ts';
import { FIELDS } from '../entry/use-entry-keys.ts';
import { SheetPages, useSheetImages, Zoom } from './SheetImages.tsx';
import {
  ballotOf,
  press,
  reviewOf,
  toggle,
  undecided,
  valueOf,
  withNote,
  type LineValue,
  type ReviewState,
} from './review.ts';

export function ReviewPanel({
  election,
  sheet,
  left,
  onLater,
  onSaved,
}: {
  election: ElectionView;
  sheet: ScanView;
  left: number;
  onLater: () => void;
  /** The ballot's number, or null for a sheet of a scanner pass (the reading's, not yet counted). */
  onSaved: (n: number | null) => void;
}) {
  const t = useT();
  const [state, setState] = useState<ReviewState>(() => reviewOf(election.layout, sheet));
  const stateRef = useRef(state);
  stateRef.current = state;
  const [notice, setNotice] = useState<string | null>(null);
  const command = useCommand();
  const note = useAskOtherNote((text) => setState(withNote(stateRef.current, text)));

  const images = useSheetImages(election.id, sheet.id, setNotice);

  const save = async () => {
    const r = await command.run('decideScan', {
      electionId: election.id,
      scanId: sheet.id,
      ballot: ballotOf(stateRef.current),
    });
    if (r.ok) onSaved(r.value.n);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (note.asking || command.busy || (target !== null && FIELDS.has(target.tagName))) return;
      if (e.altKey || e.metaKey || e.ctrlKey) return;
      const r = press(stateRef.current, e.key);
      if (r.state !== stateRef.current || r.action !== undefined) e.preventDefault();
      setState(r.state);
      switch (r.action) {
        case 'save':
          return void save();
        case 'ask-note':
          return note.ask();
        case 'later':
          return onLater();
        case 'undecided':
          return setNotice(t.scanScreen.decideRemaining(undecided(r.state)));
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [note.asking, command.busy, sheet.id]);

  const names = new Map(election.candidates.map((c, i) => [c.code, { name: c.name, no: i + 1 }]));
  const boxes = images.flatMap((img, side) => img.lines.map((l) => ({ ...l, side })));
  const cursorId = state.cursor === null ? null : state.lines[state.cursor]!.id;
  const focus = boxes.find((b) => b.candidateId === cursorId) ?? null;
  const focusImage = focus === null ? null : images[focus.side];
  const strike = election.layout === 'strike';
  const words = (v: LineValue | null): string =>
    v === null
      ? t.scanScreen.undecided
      : v === 'struck'
        ? t.count.struck
        : v === 'kept'
          ? t.count.kept
          : v === 'agree'
            ? t.count.agree
            : v === 'disagree'
              ? t.count.disagree
              : v === 'both'
                ? t.count.both
                : t.count.blank;
  const place = `${sheet.file}${sheet.pages > 1 ? ` (${t.scanScreen.pageOf(sheet.page)})` : ''}`;

  return (
    <div className="review" data-testid="scan-review">
      <div className="entry-head">
        <h1>{t.scanScreen.reviewTitle(place, left)}</h1>
        <div className="reading warn" data-testid="review-why">
          {t.scanScreen.why}:{' '}
          {[
            ...sheet.reasons.map((r) => t.scan.reason[r as ScanReason] ?? r),
            ...state.lines
              .filter((l) => l.doubtful)
              .map((l) => `${names.get(l.id)?.no ?? '?'}. ${names.get(l.id)?.name ?? l.id}`),
          ].join(' · ')}
        </div>
      </div>
      <p className="help">{strike ? t.scanScreen.reviewHelp : t.scanScreen.reviewHelpApprove}</p>
      <div className="review-body">
        <SheetPages
          images={images}
          place={place}
          lineClass={(id) =>
            `${state.lines.find((x) => x.id === id)?.doubtful ? 'doubtful' : ''} ${id === cursorId ? 'cursor' : ''}`
          }
        />
        <div className="review-side">
          {focus !== null && focusImage?.scale != null ? (
            <figure className="review-zoom" data-testid="review-zoom">
              <Zoom image={focusImage} line={focus} />
              <figcaption>{t.scanScreen.zoom}</figcaption>
            </figure>
          ) : null}
          <table className="review-lines" data-testid="review-lines">
            <thead>
              <tr>
                <th>#</th>
                <th />
                <th>{t.scanScreen.proposed}</th>
                <th>{t.scanScreen.decision}</th>
              </tr>
            </thead>
            <tbody>
              {state.lines.map((l, i) => (
                <tr
                  key={l.id}
                  className={`${l.doubtful ? 'doubtful' : ''} ${i === state.cursor ? 'cursor' : ''}`}
                  onClick={() => setState(toggle(state, i))}
                >
                  <td>{names.get(l.id)?.no}</td>
                  <td>{names.get(l.id)?.name}</td>
                  <td>{words(l.read)}</td>
                  <td className="decision">{words(valueOf(state, i))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="reading" data-testid="review-ballot">
            {strike
              ? `${t.count.struck}: ${
                  state.lines
                    .filter((_, i) => valueOf(state, i) === 'struck')
                    .map((l) => names.get(l.id)?.no)
                    .join(', ') || '—'
                }`
              : null}
            {state.ruling !== null ? ` · ${t.invalid[state.ruling]}` : ''}
          </p>
          <Messages messages={command.messages} />
          {notice !== null ? (
            <div className="notice" role="status" data-testid="review-notice">
              {notice}
            </div>
          ) : null}
        </div>
      </div>
      {note.dialog}
    </div>
  );
}
