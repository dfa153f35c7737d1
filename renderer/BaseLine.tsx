/**
 * An election's base in one line, for its header on every screen: the base, how it was reached
 * and the threshold (core/labels baseSummary, as the documents print it). A conference election
 * still on the congress's base says so: it would be counted against the wrong number.
 */
import { baseSummary } from '../core/labels.ts';
import type { ElectionView } from '../core/views.ts';
import { Messages } from './components.tsx';
import { isConferenceKind } from './features/setup/conference-base.ts';
import { useT } from './i18n.ts';
import { useApp } from './store.ts';
import { useQuery } from './use-query.ts';

export function BaseLine({ election }: { election: ElectionView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { data: base } = useQuery('base', { electionId: election.id });
  const { data: result } = useQuery('results', { electionId: election.id });
  if (!result) return null;
  const record = {
    rules: election.rules,
    base: {
      convened: base?.convened ?? result.base,
      present: base?.present ?? undefined,
      exclusions: [...(base?.exclusions ?? [])],
      override: base?.override ?? null,
    },
  };
  const inherited = base?.scope !== 'election';
  return (
    <>
      <p className="base-line" data-testid="base-line">
        {baseSummary(record, result, lang)}
        {base && !inherited ? ` · ${t.setup.ownBase}` : ''}
      </p>
      {inherited && isConferenceKind(election.kind) ? (
        <Messages kind="warn" messages={[t.setup.conferenceNoBase]} />
      ) : null}
    </>
  );
}
