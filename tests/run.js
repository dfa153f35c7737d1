#!/usr/bin/env node
// `npm test`: typecheck, lint and every vitest test, closing with the one line CI reads:
// "N passed, N failed" (typecheck and lint count as one check each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status === 0;
};

let passed = 0;
let failed = 0;
const check = (ok) => (ok ? passed++ : failed++);

check(
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) &&
    run('typecheck renderer', 'npx', ['tsc', '-p', 'renderer/tsconfig.json', '--noEmit']),
);
check(run('lint', 'npx', ['eslint', '.']) && run('format', 'npx', ['prettier', '--check', '.']));

// The end-to-end tests drive the built renderer.
check(run('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']));

mkdirSync('tests/artifacts', { recursive: true });
const report = 'tests/artifacts/vitest.json';
rmSync(report, { force: true });
run('tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTestSuites > 0 && json.numFailedTests === 0) failed += json.numFailedTestSuites;
} catch {
  failed++; // vitest did not even write its report
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
