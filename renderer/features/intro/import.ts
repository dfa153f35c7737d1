/**
 * From the candidates' sheet and the photo folder to the commands: which sheet rows are the
 * election's candidates (same name, NFC, any case), and the numbers photo files may carry.
 */
import type { CandidateDetailView } from '../../../core/views.ts';
import type { SheetPerson } from '../../../core/protocol/sheet.ts';
import type { PhotoTarget } from '../../../core/candidate-details.ts';
import type { CallInput } from '../../../core/protocol/index.ts';

type Detail = CallInput<'command', 'setCandidateDetails'>['details'][number];

const key = (name: string): string => name.normalize('NFC').toLowerCase();

/** The sheet's people that are on the list, as details under the list's own spelling. */
export function detailsFromSheet(
  people: readonly SheetPerson[],
  candidates: readonly Pick<CandidateDetailView, 'name'>[],
): { details: Detail[]; offList: string[] } {
  const onList = new Map(candidates.map((c) => [key(c.name), c.name]));
  const details: Detail[] = [];
  const offList: string[] = [];
  for (const p of people) {
    const name = onList.get(key(p.name));
    if (name === undefined) {
      offList.push(p.name);
      continue;
    }
    const { birthYear, hometown, position, unit, education, biography } = p;
    details.push({
      name,
      ...(birthYear === undefined ? {} : { birthYear }),
      ...(hometown === undefined ? {} : { hometown }),
      ...(position === undefined ? {} : { position }),
      ...(unit === undefined ? {} : { unit }),
      ...(education === undefined ? {} : { education }),
      ...(biography === undefined ? {} : { biography }),
    });
  }
  return { details, offList };
}

/**
 * What a photo's number means: the STT of the candidates' sheet when one was read (its STT
 * column, or its row when it has none); without a sheet, the number on the ballot.
 */
export function photoTargets(
  candidates: readonly Pick<CandidateDetailView, 'name' | 'no'>[],
  people: readonly SheetPerson[] | null,
): PhotoTarget[] {
  if (people === null) return candidates.map((c) => ({ name: c.name, number: c.no }));
  const onList = new Map(candidates.map((c) => [key(c.name), c.name]));
  return people.flatMap((p) => {
    const name = onList.get(key(p.name));
    if (name === undefined) return [];
    const stt = p.no !== undefined && /^\d{1,4}$/u.test(p.no.trim()) ? Number(p.no) : p.row;
    return [{ name, number: stt }];
  });
}
