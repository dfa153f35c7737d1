/** The one-way arrows of architecture.md are a failing lint check, not a habit. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('architecture.md — layers point one way', () => {
  const wrong: [string, string][] = [
    ['core/x.ts', "import { a } from '../db/service.ts';"],
    ['core/x.ts', "import { readFile } from 'node:fs';"],
    ['core/x.ts', "import { main } from '../cli/main.ts';"],
    ['db/x.ts', "import { a } from '../server/http.ts';"],
    ['renderer/x.ts', "import { a } from '../db/service.ts';"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';"],
    ['server/x.ts', "import { a } from '../electron/main.ts';"],
    ['electron/x.ts', "import { a } from '../server/http.ts';"],
    ['cli/x.ts', "import { a } from '../server/http.ts';"],
  ];
  for (const [file, code] of wrong) {
    it(`refuses ${file}: ${code}`, async () => {
      expect(await restricted(file, `${code}\nexport const used = a ?? null;\n`)).not.toEqual([]);
    });
  }

  const right: [string, string][] = [
    ['core/x.ts', "import { z } from 'zod';\nimport { a } from './tally.ts';"],
    ['db/x.ts', "import { a } from '../core/tally.ts';"],
    ['cli/x.ts', "import { a } from '../core/tally.ts';\nimport { readFile } from 'node:fs';"],
    ['renderer/x.ts', "import { a } from '../core/tally.ts';"],
  ];
  for (const [file, code] of right) {
    it(`allows ${file}: ${code.split('\n').pop()}`, async () => {
      expect(await restricted(file, code)).toEqual([]);
    });
  }
});
