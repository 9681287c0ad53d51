import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '@/lib/exports/csv';

describe('CSV cells never run as formulas', () => {
  it('prefixes formula starters, also behind white space and in full-width forms, and leading control characters', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', ' =1', '\u00a0=1', '\u3000＝1', '＝1', '＋1', '－1', '＠x', '\t=1', '\r=1', '\n=1', '\tplain']) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['Plain text', '1 = 1', 'e-mail', 'ratio 3:1', '']) expect(neutraliseFormula(cell)).toBe(cell);
  });
});
