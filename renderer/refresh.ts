/** Re-reads the file, the operator and the elections; at start, after a change and on reconnecting. */
import { client } from './client.ts';
import { useApp } from './store.ts';

export async function refresh(): Promise<void> {
  const who = await client.whoami();
  if (!who.ok) return;
  useApp.getState().set({ actor: who.value.actor, file: who.value.file });
  if (who.value.file === null) {
    useApp.getState().set({ elections: [] });
    return;
  }
  const elections = await client.query('elections', {});
  if (elections.ok) {
    const state = useApp.getState();
    const keep = elections.value.some((e) => e.id === state.electionId);
    state.set({
      elections: elections.value,
      electionId: keep ? state.electionId : (elections.value.at(-1)?.id ?? null),
    });
  }
}
