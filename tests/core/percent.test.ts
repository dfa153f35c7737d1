import { describe, expect, it } from 'vitest';
import { formatPercent, percentNumber, percentUnits } from '../../core/percent.ts';

describe('rules.md — percentages rounded half-up, exactly', () => {
  it('rounds x.xx5 up where floating point would not: 1 of 800 = 0,13 %', () => {
    expect((1 / 800) * 100).toBeCloseTo(0.125);
    expect(Math.round((1 / 800) * 100 * 100) / 100).toBe(0.13); // happens to work here…
    expect(percentNumber(1, 800)).toBe(0.13);
    expect(formatPercent(1, 800)).toBe('0,13');
  });

  it('rounds half-up where binary doubles round down (1,005 → 1,01)', () => {
    // 201 of 20000 = 1.005 %; Math.round(1.005 * 100) / 100 gives 1 in binary floating point.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(percentNumber(201, 20_000)).toBe(1.01);
    expect(formatPercent(201, 20_000)).toBe('1,01');
  });

  it('below half rounds down, at and above half rounds up', () => {
    expect(formatPercent(1, 3)).toBe('33,33');
    expect(formatPercent(2, 3)).toBe('66,67');
    expect(formatPercent(1, 8)).toBe('12,50');
    expect(formatPercent(1, 16, { decimals: 2 })).toBe('6,25');
    expect(formatPercent(1, 16, { decimals: 1 })).toBe('6,3');
    expect(formatPercent(1, 16, { decimals: 0 })).toBe('6');
  });

  it('a chosen number of decimals and separator', () => {
    expect(formatPercent(2, 3, { decimals: 4, separator: '.' })).toBe('66.6667');
    expect(formatPercent(347, 347)).toBe('100,00');
    expect(formatPercent(0, 347)).toBe('0,00');
  });

  it('a base of 0 gives 0, never a division by zero', () => {
    expect(percentUnits(0, 0, 2)).toBe(0n);
  });

  it('refuses a nonsensical number of decimals', () => {
    expect(() => percentUnits(1, 3, -1)).toThrow(RangeError);
  });
});

describe('percentages agree with exact rational arithmetic', () => {
  it('for every votes/base up to 400 and 0–4 decimals, and beyond safe integers', () => {
    for (let base = 1; base <= 400; base++) {
      for (let votes = 0; votes <= base; votes += 1) {
        for (const decimals of [0, 2, 4]) {
          const scaled = BigInt(votes) * 100n * 10n ** BigInt(decimals);
          const b = BigInt(base);
          const expected = (2n * scaled + b) / (2n * b); // floor(x + 1/2)
          expect(percentUnits(votes, base, decimals)).toBe(expected);
        }
      }
    }
    expect(percentUnits(2 ** 50, 3, 6)).toBe((2n ** 50n * 100_000_000n * 2n + 3n) / 6n);
  });
});
