/** Change events name the election and the views a command changed, so stations re-read little. */
import { describe, expect, it } from 'vitest';
import { commands } from '../../core/api.ts';
import { CHANGES } from '../../core/protocol/changes.ts';
import type { ChangeEvent } from '../../core/views.ts';
import { ADMIN, countingElection, newService, value } from '../db/helpers.ts';

describe('change events', () => {
  it('every command says what it changes', () => {
    expect(Object.keys(CHANGES).sort()).toEqual(Object.keys(commands).sort());
    for (const views of Object.values(CHANGES)) expect(views.length).toBeGreaterThan(0);
  });

  it('a ballot names its election and the ballot views; the projector setting names only itself', () => {
    const service = newService({ backups: false });
    const electionId = countingElection(service);
    const events: ChangeEvent[] = [];
    service.subscribe((e) => events.push(e));
    value(service.execute('enterBallot', { electionId, ballot: { struck: ['c1'] } }, ADMIN));
    value(service.execute('setDisplay', { electionId: null, showFigures: false }, ADMIN));
    expect(events[0]).toMatchObject({ command: 'enterBallot', electionId });
    expect(events[0]!.changes).toEqual(expect.arrayContaining(['results', 'ballots', 'progress']));
    expect(events[0]!.changes).not.toContain('delegates');
    expect(events[1]).toMatchObject({ command: 'setDisplay', changes: ['display'] });
  });
});
