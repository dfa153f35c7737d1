/**
 * The `kiem-phieu` command itself: bundled to dist/cli/kiem-phieu.mjs (scripts/bundles.ts), which
 * bin/kiem-phieu.js runs when it is up to date; run from source under tsx otherwise.
 */
import { main } from '../cli/main.ts';

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
