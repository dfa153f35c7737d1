/**
 * `kiem-phieu practice OUT.kiemphieu [--date YYYY-MM-DD]`: a practice congress (tập huấn) for
 * training the technical team, and beside it the printable stack of pre-marked ballots with the
 * result counting it must give (db/practice.ts).
 */
import { messages as m } from '../core/messages/index.ts';
import { refusalText, type Lang } from '../core/refusal.ts';
import { createPracticeFile } from '../db/practice.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';

export async function practiceCommand(
  { out, date }: { out: string; date: string },
  lang: Lang,
  io: CliIo,
): Promise<ExitCode> {
  const made = await createPracticeFile(out, date);
  if (!made.ok) {
    io.err(
      `${m(lang).practice.cliRefused(out)}\n${made.error.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`,
    );
    return EXIT.refused;
  }
  io.out(m(lang).practice.cliCreated(made.value.path, made.value.deck));
  return EXIT.done;
}
