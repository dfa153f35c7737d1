/**
 * The committee's note for a ballot ruled invalid for another reason (O): asked the same way when
 * typing and when reviewing a scanned sheet. null: cancelled.
 */
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
