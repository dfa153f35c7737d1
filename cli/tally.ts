/** `kiem-phieu tally`: recounts an election record and prints the result (a table, or JSON). */
import { messages } from '../core/messages/index.ts';
import { refusalText, type Lang } from '../core/refusal.ts';
import { Tally } from '../core/tally.ts';
import { EXIT, type CliIo, type ExitCode } from './io.ts';
import { readRecord } from './read-record.ts';
import { renderResult } from './render-result.ts';

export async function tallyCommand(
  file: string,
  { json, lang, decimals }: { json: boolean; lang: Lang; decimals: number },
  io: CliIo,
): Promise<ExitCode> {
  const record = await readRecord(file);
  if (!record.ok) {
    const title = messages(lang).cli.recordRefused(file);
    io.err(`${title}\n${record.error.map((r) => `  ${refusalText(r, lang)}`).join('\n')}\n`);
    return EXIT.refused;
  }
  const result = Tally.ofRecord(record.value).result({ decimals });
  io.out(
    json
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderResult(record.value, result, { lang, decimals }),
  );
  return EXIT.done;
}
