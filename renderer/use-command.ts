/**
 * The one way a screen runs a command (or a file call: create, open, back up): a busy flag while
 * it runs, the reply's messages (worded in the user's language), whether it went through, and on
 * request the file and elections re-read at once (a screen that moves on must not wait for the
 * change event).
 */
import { useCallback, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../core/protocol/index.ts';
import { client, type Reply } from './client.ts';
import { refresh } from './refresh.ts';

type CommandName = CallName<'command'>;

export interface CommandState {
  readonly busy: boolean;
  /** The refusals of the last command, or null. */
  readonly messages: readonly string[] | null;
  /** The last command went through. */
  readonly done: boolean;
  run<K extends CommandName>(
    name: K,
    input: CallInput<'command', K>,
    options?: { readonly reload?: boolean },
  ): Promise<Reply<CallOutput<'command', K>>>;
  /** Any other call (a file call: create, back up), followed the same way as a command. */
  follow<T>(
    send: () => Promise<Reply<T>>,
    options?: { readonly reload?: boolean },
  ): Promise<Reply<T>>;
  /** Shows other messages in the same place (a refused preview, say), or clears them. */
  say(messages: readonly string[] | null): void;
}

export function useCommand(): CommandState {
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<readonly string[] | null>(null);
  const [done, setDone] = useState(false);
  const follow = useCallback(
    async <T>(
      send: () => Promise<Reply<T>>,
      options: { readonly reload?: boolean } = {},
    ): Promise<Reply<T>> => {
      setBusy(true);
      setDone(false);
      try {
        const reply = await send();
        setMessages(reply.ok ? null : reply.messages);
        setDone(reply.ok);
        if (reply.ok && options.reload === true) await refresh();
        return reply;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  const run = useCallback(
    <K extends CommandName>(
      name: K,
      input: CallInput<'command', K>,
      options?: { readonly reload?: boolean },
    ) => follow(() => client.command(name, input), options),
    [follow],
  );
  const say = useCallback((m: readonly string[] | null) => {
    setMessages(m);
    setDone(false);
  }, []);
  return { busy, messages, done, run, follow, say };
}
