/**
 * The diagram and the table in core/readings/stack.md hold exactly the transitions of
 * `STACK_RULES`: read line by line from the file, so the picture cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_RULES, STACK_STATUSES, stackTransitions } from '../../../core/readings/stack.ts';

const DOC = readFileSync(join(import.meta.dirname, '../../../core/readings/stack.md'), 'utf8');

const key = (t: { from: string; to: string; command: string }): string =>
  `${t.from} --> ${t.to} : ${t.command}`;
const sorted = (items: Iterable<string>): string[] => [...items].sort();

/** The `from --> to : command` lines of the mermaid block; start and end markers apart. */
function diagram(): { edges: string[]; starts: string[]; ends: string[] } {
  const block = /```mermaid\n([\s\S]*?)```/u.exec(DOC)?.[1];
  if (block === undefined) throw new Error('stack.md has no mermaid block');
  const lines = block.split('\n').map((l) => l.trim());
  expect(lines[0]).toBe('stateDiagram-v2');
  const edges: string[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const edge = /^(\w+) --> (\w+) : (\w+)$/u.exec(line);
    const start = /^\[\*\] --> (\w+)$/u.exec(line);
    const end = /^(\w+) --> \[\*\]$/u.exec(line);
    if (edge) edges.push(`${edge[1]} --> ${edge[2]} : ${edge[3]}`);
    else if (start?.[1]) starts.push(start[1]);
    else if (end?.[1]) ends.push(end[1]);
    else throw new Error(`a line of the diagram that is no transition: ${line}`);
  }
  return { edges, starts, ends };
}

/** The rows of the markdown table under the diagram: command | from | to | guard. */
function table(): string[] {
  const rows = DOC.split('\n').filter((l) => /^\|\s*\w+\s*\|\s*\w+\s*\|\s*\w+\s*\|/u.test(l));
  return rows
    .map((row) => row.split('|').map((c) => c.trim()))
    .filter(([, command]) => command !== 'command')
    .map(([, command, from, to]) => `${from} --> ${to} : ${command}`);
}

describe('core/readings/stack.md', () => {
  const code = stackTransitions().map(key);

  it('the diagram holds exactly the transitions of the table in the code', () => {
    const { edges } = diagram();
    expect(new Set(edges).size).toBe(edges.length);
    expect(sorted(edges)).toEqual(sorted(code));
  });

  it('the table in words holds exactly the same transitions', () => {
    const rows = table();
    expect(new Set(rows).size).toBe(rows.length);
    expect(sorted(rows)).toEqual(sorted(code));
  });

  it('starts at open and ends at the states that count', () => {
    const { starts, ends } = diagram();
    expect(starts).toEqual(['open']);
    // No command leaves agreed or resolved: the diagram ends there, and only there.
    const left = new Set<string>(Object.values(STACK_RULES).flatMap((r) => [...r.from]));
    expect(sorted(ends)).toEqual(sorted(STACK_STATUSES.filter((s) => !left.has(s))));
    expect(sorted(ends)).toEqual(['agreed', 'resolved']);
  });

  it('names every state and command of the code', () => {
    const { edges } = diagram();
    const words = new Set(edges.flatMap((e) => e.split(/ --> | : /u)));
    for (const s of STACK_STATUSES) expect(words).toContain(s);
    for (const c of Object.keys(STACK_RULES)) expect(words).toContain(c);
  });
});
