/** Reading from the service in components: re-read whenever a change event arrives. */
import { useEffect, useState } from 'react';
import type { QueryInput, QueryName } from '../core/api.ts';
import type { QueryOutputs } from '../core/views.ts';
import { client, type Reply } from './client.ts';
import { useApp } from './store.ts';

export function useQuery<K extends QueryName>(
  name: K,
  input: QueryInput<K> | null,
): { data: QueryOutputs[K] | undefined; error: readonly string[] | null; reload: () => void } {
  const version = useApp((s) => s.version);
  const [reply, setReply] = useState<Reply<QueryOutputs[K]> | undefined>(undefined);
  const [nonce, setNonce] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (input === null) return;
    let live = true;
    void client.query(name, input).then((r) => live && setReply(r));
    return () => {
      live = false;
    };
  }, [name, key, version, nonce]);
  return {
    data: reply?.ok ? reply.value : undefined,
    error: reply && !reply.ok ? reply.messages : null,
    reload: () => setNonce((n) => n + 1),
  };
}
