/**
 * The committee's note for a ballot ruled invalid for another reason (O): asked the same way when
 * typing and when reviewing a scanned sheet. null: cancelled.
 */
import { useState } from 'react';
import { Ask } from '../../components.tsx';
import { useT } from '../../i18n.ts';

export function AskOtherNote({ onDone }: { onDone: (note: string | null) => void }) {
  const t = useT();
  return (
    <Ask
      title={t.invalid.other}
      text={t.count.markedWarning}
      input={t.count.note}
      confirm={t.common.confirm}
      cancel={t.common.cancel}
      onDone={onDone}
    />
  );
}

/**
 * A screen's note question: `ask` opens it, `dialog` is what to render (nothing while closed), and
 * the answer goes to `apply` once it is closed. While `asking`, the keys are the dialog's.
 */
export function useAskOtherNote(apply: (note: string | null) => void) {
  const [asking, setAsking] = useState(false);
  const dialog = asking ? (
    <AskOtherNote
      onDone={(note) => {
        setAsking(false);
        apply(note);
      }}
    />
  ) : null;
  return { asking, ask: () => setAsking(true), dialog };
}
