import { describe, expect, it } from 'vitest';
import { selfTestProblems } from '../../src/core/break/self-test.js';
import { selfTestBreaks } from '../../src/app/break/self-test.js';

describe('break self-test', () => {
  it('passes only with a differing mutant, a byte-exact restore and an observe step that ran', () => {
    expect(selfTestProblems([{ path: 'a.py', mutant_differs: true, restored_byte_exact: true }], true)).toEqual([]);
    expect(selfTestProblems([{ path: 'a.py', mutant_differs: false, restored_byte_exact: true }], true)).toEqual([
      'a.py: the mutant equals the original',
    ]);
    expect(selfTestProblems([{ path: 'a.py', mutant_differs: true, restored_byte_exact: false }], false)).toEqual([
      'a.py: not byte-exact after restore',
      'no observe command ran',
    ]);
    expect(selfTestProblems([], true)).toEqual(['start journaled no file']);
  });

  it(
    'runs the real start → observe → restore for phases 00 ' + "and 08 (labs' files in a temporary workspace)",
    async () => {
      const r = await selfTestBreaks({ phases: [0, 8] });
      expect(r.cases.map((c) => [c.phase, c.status])).toEqual([
        [0, 'pass'],
        [8, 'pass'],
      ]);
      for (const c of r.cases) {
        expect(
          c.files?.every((f) => f.mutant_differs && f.restored_byte_exact),
          c.id,
        ).toBe(true);
        expect(
          c.observe?.some((o) => o.action === 'run'),
          c.id,
        ).toBe(true);
      }
    },
    60_000,
  );
});
