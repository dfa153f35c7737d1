/** The new committee's size, read from the results of the committee elections (conference-base.ts). */
import { useEffect, useState } from 'react';
import { client } from '../../client.ts';
import { touches } from '../../changes.ts';
import { useApp } from '../../store.ts';
import { committeeElections, newCommitteeSize } from './conference-base.ts';

export function useCommitteeSize(): number | null {
  const elections = useApp((s) => s.elections);
  const [nonce, setNonce] = useState(0);
  useEffect(
    () =>
      useApp.subscribe((s, before) => {
        if (s.change !== before.change && touches(s.change, 'results', undefined))
          setNonce((n) => n + 1);
      }),
    [],
  );
  const [elected, setElected] = useState<ReadonlyMap<number, number>>(new Map());
  const ids = committeeElections(elections).join(',');
  useEffect(() => {
    let live = true;
    const wanted = ids === '' ? [] : ids.split(',').map(Number);
    void Promise.all(
      wanted.map(async (electionId) => {
        const r = await client.query('results', { electionId });
        return [electionId, r.ok ? r.value.elected.length : null] as const;
      }),
    ).then((pairs) => {
      if (!live) return;
      setElected(
        new Map(pairs.filter((p): p is [number, number] => p[1] !== null).map((p) => [...p])),
      );
    });
    return () => {
      live = false;
    };
  }, [ids, nonce]);
  return newCommitteeSize(elections, elected);
}
