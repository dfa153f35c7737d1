/** What a command needs from its process: streams, so tests run commands in-process too. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** 70 is sysexits' EX_SOFTWARE: an internal error, which must never look like a refusal (1). */
export const EXIT = { done: 0, refused: 1, usage: 2, crash: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
