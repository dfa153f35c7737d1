/**
 * A stack of ballots counted together: its declared count, and whether the entries reconcile.
 * Stacks left open (a station closed, a browser crashed) are listed: any station may carry one
 * on, or close it with its reconciliation.
 */
import { useState } from 'react';
import { shortHash } from '../../../core/audit-chain.ts';
import type { BatchView } from '../../../core/views.ts';
import { client } from '../../client.ts';
import { Messages, PlaceholderInput } from '../../components.tsx';
import { useT } from '../../i18n.ts';
import { useCommand } from '../../use-command.ts';
import { otherOpenStacks } from './stack.ts';
import type { StackState } from './use-stack.ts';

export function BatchPanel({
  electionId,
  stack,
  batches,
}: {
  electionId: number;
  stack: StackState;
  batches: readonly BatchView[];
}) {
  const t = useT();
  const [declared, setDeclared] = useState('');
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  const command = useCommand();
  const current = stack.current;
  const others = otherOpenStacks(batches, stack.id);

  const close = async (batch: BatchView) => {
    const r = await command.run('closeBatch', { batchId: batch.id });
    if (!r.ok) return;
    const { difference } = r.value;
    // The file's chain head once the stack is closed, written on the stack's slip: paper anchors
    // the file (a later rewrite of the log no longer matches what the committee wrote down).
    const chain = await client.query('verifyAudit', {});
    const slip = chain.ok ? ` ${t.count.slipCode(shortHash(chain.value.head))}` : '';
    setResult({
      text: `${batch.label}: ${difference === 0 ? t.count.batchOk : t.count.batchDiff(difference)}.${slip}`,
      ok: difference === 0,
    });
    if (batch.id === stack.id) stack.choose(null);
  };

  return (
    <div className="card batch" data-testid="stack">
      <h3>{t.count.batch}</h3>
      {current ? (
        <>
          <p className="big">
            {current.label}: {t.count.batchProgress(current.entered, current.declared)}
          </p>
          <progress max={current.declared} value={Math.min(current.entered, current.declared)} />
          <button onClick={() => void close(current)}>{t.count.closeBatch}</button>
        </>
      ) : (
        <>
          <p className="muted mix">{t.count.mixReminder}</p>
          <form
            className="row"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await command.run('openBatch', { electionId, declared: Number(declared) });
              if (!r.ok) return;
              setResult(null);
              stack.choose(r.value.batchId);
              setDeclared('');
              (document.activeElement as HTMLElement | null)?.blur();
            }}
          >
            <PlaceholderInput
              label={t.count.declared}
              inputMode="numeric"
              value={declared}
              onChange={(e) => setDeclared(e.target.value)}
            />
            <button>{t.count.openBatch}</button>
          </form>
        </>
      )}
      {others.length > 0 ? (
        <div className="open-stacks" data-testid="open-stacks">
          <h4>{t.count.openStacks}</h4>
          <ul>
            {others.map((b) => (
              <li key={b.id} className="row small">
                <span>
                  {b.label}: {t.count.batchProgress(b.entered, b.declared)}
                </span>
                {current === null ? (
                  <button onClick={() => stack.choose(b.id)}>{t.count.resume}</button>
                ) : null}
                <button onClick={() => void close(b)}>{t.count.closeBatch}</button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result ? <Messages kind={result.ok ? 'ok' : 'warn'} messages={[result.text]} /> : null}
      <Messages messages={command.messages} />
    </div>
  );
}
