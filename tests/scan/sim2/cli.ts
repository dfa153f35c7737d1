/** The `kiem-phieu` command run two ways: the executable (as an auditor runs it) or its main() here. */
import { main } from '../../../cli/main.ts';
import { runCli, type CliRun } from '../../cli/run-cli.ts';

export type Via = 'process' | 'module';

export async function kiemPhieu(args: readonly string[], via: Via): Promise<CliRun> {
  if (via === 'process') return runCli(args);
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
