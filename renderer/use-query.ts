/** Reading from the service in components: re-read when a change touches what the view shows. */
import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../core/protocol/index.ts';
import { touches } from './changes.ts';
import { client, type Reply } from './client.ts';
import { useApp } from './store.ts';

type QueryName = CallName<'query'>;

const electionOf = (input: unknown): number | undefined => {
  const id = (input as { electionId?: unknown } | null)?.electionId;
  return typeof id === 'number' ? id : undefined;
};

export function useQuery<K extends QueryName>(
  name: K,
  input: CallInput<'query', K> | null,
): {
  data: CallOutput<'query', K> | undefined;
  error: readonly string[] | null;
  reload: () => void;
} {
  const [reply, setReply] = useState<Reply<CallOutput<'query', K>> | undefined>(undefined);
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(input);
  const electionId = electionOf(input);
  useEffect(
    () =>
      useApp.subscribe((s, before) => {
        if (s.change !== before.change && touches(s.change, name, electionId))
          setNonce((n) => n + 1);
      }),
    [name, electionId],
  );
  useEffect(() => {
    if (input === null) return;
    let live = true;
    void client.query(name, input).then((r) => {
      // A lost connection keeps the figures last read; the screen says they may be stale.
      if (live && (r.ok || !('unavailable' in r))) setReply(r);
    });
    return () => {
      live = false;
    };
  }, [name, key, nonce]);
  return {
    data: reply?.ok ? reply.value : undefined,
    error: reply && !reply.ok ? reply.messages : null,
    reload: () => setNonce((n) => n + 1),
  };
}
