/** Runs the real `kiem-phieu` executable, as an auditor would. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/kiem-phieu.js', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * `kiem-phieu minutes RECORD --pdf PDF --sign P12`, the certificate's password handed over as the
 * operator does, in an environment variable (--pass-env); `more` are further arguments.
 */
export const runSignedMinutes = (
  { record, pdf, p12, password }: { record: string; pdf: string; p12: string; password: string },
  more: readonly string[] = [],
): Promise<CliRun> =>
  runCli(['minutes', record, '--pdf', pdf, '--sign', p12, '--pass-env', 'KP_PASS', ...more], {
    KP_PASS: password,
  });
