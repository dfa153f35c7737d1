/** The introductions' keyboard and the sheet-to-list matching, as pure steps. */
import { describe, expect, it } from 'vitest';
import {
  FIRST,
  showsElection,
  step,
  type SlideState,
} from '../../renderer/features/intro/slides-keys.ts';
import { detailsFromSheet, photoTargets } from '../../renderer/features/intro/import.ts';

const press = (keys: readonly string[], count = 5, from: SlideState = FIRST): SlideState =>
  keys.reduce((s, k) => step(s, k, count) ?? s, from);

describe('slides keyboard', () => {
  it('moves with arrows and pages, stops at both ends, Home is the list and End the last', () => {
    expect(press(['ArrowRight', 'ArrowRight', 'ArrowDown']).slide).toBe(3);
    expect(press(['ArrowLeft']).slide).toBe(0);
    expect(press(['End', 'ArrowRight', ' ', 'PageDown']).slide).toBe(5);
    expect(press(['End', 'PageUp', 'ArrowUp']).slide).toBe(3);
    expect(press(['End', 'Home'])).toEqual(FIRST);
  });

  it('a number then Enter goes to that candidate; 0 is the list; past the end is the last', () => {
    expect(press(['3'])).toEqual({ slide: 0, typed: '3' });
    expect(press(['3', 'Enter'])).toEqual({ slide: 3, typed: '' });
    expect(press(['1', '2', 'Enter'], 20)).toEqual({ slide: 12, typed: '' });
    expect(press(['9', '9', 'Enter'])).toEqual({ slide: 5, typed: '' });
    expect(press(['End', '0', 'Enter'])).toEqual(FIRST);
    expect(press(['1', '2', 'Backspace', 'Enter'])).toEqual({ slide: 1, typed: '' });
    expect(press(['4', 'Escape'])).toEqual(FIRST);
    expect(press(['1', '2', '3', '4', '5']).typed).toBe('1234');
  });

  it('leaves other keys to the browser', () => {
    expect(step(FIRST, 'Tab', 5)).toBeNull();
    expect(step(FIRST, 'Escape', 5)).toBeNull();
    expect(step(FIRST, 'a', 5)).toBeNull();
  });

  it('reads the election from the address', () => {
    expect(showsElection('#/intro?show=12')).toBe(12);
    expect(showsElection('#/intro?token=abc&show=3')).toBe(3);
    expect(showsElection('#/intro')).toBeNull();
  });
});

describe('the sheet against the election list', () => {
  const list = [
    { name: 'Nguyễn Văn An', no: 1 },
    { name: 'Lê Quang Huy', no: 2 },
  ];
  it('takes the list’s spelling (NFC, any case) and names the people not on it', () => {
    const r = detailsFromSheet(
      [
        {
          row: 5,
          name: 'NGUYỄN VĂN AN'.normalize('NFD'),
          no: '7',
          birthYear: 1971,
          hometown: 'Lộc Hà',
        },
        { row: 6, name: 'Hoàng Văn Khách', no: '8' },
      ],
      list,
    );
    expect(r.details).toEqual([{ name: 'Nguyễn Văn An', birthYear: 1971, hometown: 'Lộc Hà' }]);
    expect(r.offList).toEqual(['Hoàng Văn Khách']);
  });

  it('a photo number is the sheet’s STT (or its row), and the ballot number without a sheet', () => {
    expect(photoTargets(list, null)).toEqual([
      { name: 'Nguyễn Văn An', number: 1 },
      { name: 'Lê Quang Huy', number: 2 },
    ]);
    expect(
      photoTargets(list, [
        { row: 5, name: 'Lê Quang Huy', no: '7' },
        { row: 6, name: 'Nguyễn Văn An' },
      ]),
    ).toEqual([
      { name: 'Lê Quang Huy', number: 7 },
      { name: 'Nguyễn Văn An', number: 6 },
    ]);
  });
});
