/** A stack of ballots counted together: its declared count, and whether the entries reconcile. */
import { useState } from 'react';
import type { BatchView } from '../../core/views.ts';
import { client } from '../client.ts';
import { Messages } from '../components.tsx';
import { useT } from '../i18n.ts';

export function BatchPanel({
  electionId,
  batchId,
  setBatchId,
  batches,
}: {
  electionId: number;
  batchId: number | null;
  setBatchId: (id: number | null) => void;
  batches: readonly BatchView[];
}) {
  const t = useT();
  const [declared, setDeclared] = useState('');
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const current = batches.find((b) => b.id === batchId);
  return (
    <div className="card batch">
      <h3>{t.count.batch}</h3>
      {current ? (
        <>
          <p className="big">
            {current.label}: {t.count.batchProgress(current.entered, current.declared)}
          </p>
          <progress max={current.declared} value={Math.min(current.entered, current.declared)} />
          <button
            onClick={async () => {
              const r = await client.command('closeBatch', { batchId: current.id });
              if (!r.ok) return setMessages(r.messages);
              setResult(
                r.value.difference === 0 ? t.count.batchOk : t.count.batchDiff(r.value.difference),
              );
              setBatchId(null);
            }}
          >
            {t.count.closeBatch}
          </button>
        </>
      ) : (
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await client.command('openBatch', { electionId, declared: Number(declared) });
            if (!r.ok) return setMessages(r.messages);
            setMessages(null);
            setResult(null);
            setBatchId(r.value.batchId);
            setDeclared('');
            (document.activeElement as HTMLElement | null)?.blur();
          }}
        >
          <input
            aria-label={t.count.declared}
            placeholder={t.count.declared}
            inputMode="numeric"
            value={declared}
            onChange={(e) => setDeclared(e.target.value)}
          />
          <button>{t.count.openBatch}</button>
        </form>
      )}
      {result ? (
        <Messages kind={result === t.count.batchOk ? 'ok' : 'warn'} messages={[result]} />
      ) : null}
      <Messages messages={messages} />
    </div>
  );
}
