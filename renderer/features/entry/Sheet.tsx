/** The ballot as it is typed: its number, what it reads so far, and every name with its mark. */
import { useEffect, useRef } from 'react';
import type { ElectionView } from '../../../core/views.ts';
import { useT } from '../../i18n.ts';
import type { EditorState } from './editor.ts';
import { readingText } from './reading.ts';
import { cursorOf, sheetGrid } from './sheet-layout.ts';

export function Sheet({
  election,
  editor,
  heading,
}: {
  election: ElectionView;
  editor: EditorState;
  heading: string;
}) {
  const t = useT();
  const reading = readingText(t, editor);
  const grid = sheetGrid(election.candidates.length);
  const list = useRef<HTMLOListElement>(null);
  const cursor = cursorOf(editor);
  useEffect(() => {
    if (cursor === null) return;
    list.current?.children[cursor - 1]?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  const strike = election.layout === 'strike';
  const markText = (i: number): string => {
    if (strike) return editor.struck[i] ? t.count.struck : '';
    const mark = editor.marks[i] ?? 'none';
    return mark === 'agree'
      ? t.count.agree
      : mark === 'disagree'
        ? t.count.disagree
        : mark === 'both'
          ? t.count.both
          : t.count.blank;
  };
  return (
    <div className="entry-main">
      <div className="entry-head">
        <h1>{heading}</h1>
        <div className={`reading ${reading.kind}`} data-testid="reading">
          {reading.text}
        </div>
        {editor.buffer !== '' ? <div className="buffer">{editor.buffer}…</div> : null}
      </div>
      {editor.paper === 'marked' ? (
        <p className="marked-warning" role="note">
          {t.count.markedWarning}
        </p>
      ) : null}
      <p className="help">{strike ? t.count.help : t.count.helpApprove}</p>
      <ol
        ref={list}
        className={`ballot ${grid.scrolls ? 'scrolls' : ''} ${grid.rows > 12 ? 'dense' : ''}`}
        data-testid="ballot"
        style={{
          gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${grid.rows}, auto)`,
        }}
      >
        {election.candidates.map((c, i) => (
          <li
            key={c.code}
            className={`${
              strike ? (editor.struck[i] ? 'struck' : 'kept') : `mark-${editor.marks[i] ?? 'none'}`
            } ${cursor === i + 1 ? 'cursor' : ''}`}
          >
            <span className="no">{i + 1}</span>
            <span className="name">{c.name}</span>
            <span className="state">{markText(i)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
