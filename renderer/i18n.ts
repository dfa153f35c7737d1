/** The UI's texts come from the one message catalogue (core/messages), in the user's language. */
import { messages, type Messages } from '../core/messages/index.ts';
import { useApp } from './store.ts';

export type Strings = Messages;

export function useT(): Strings {
  return messages(useApp((s) => s.lang));
}
