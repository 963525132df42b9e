/** The test runners' summary lines the report counts (issue 21: pytest's "3 passed" went unrecognised). */
import { describe, expect, it } from 'vitest';
import { parseTestCounts } from '../../src/core/measure.js';

describe('parseTestCounts', () => {
  it('pytest -q (no frame), the framed summary, failures and errors, colours', () => {
    expect(parseTestCounts('...\n3 passed in 0.01s\n')).toEqual({
      tests: 3,
      failed: 0,
      seconds: 0.01,
      runner: 'pytest',
    });
    expect(parseTestCounts('=== 1 failed, 2 passed, 1 warning in 0.52s ===')).toEqual({
      tests: 3,
      failed: 1,
      seconds: 0.52,
      runner: 'pytest',
    });
    expect(parseTestCounts('2 passed, 1 error in 1.00s')).toMatchObject({ tests: 3, failed: 1 });
    expect(parseTestCounts('\u001b[32m\u001b[1m5 passed\u001b[0m\u001b[32m in 0.03s\u001b[0m')).toMatchObject({
      tests: 5,
      failed: 0,
      runner: 'pytest',
    });
  });

  it('unittest, with and without failures', () => {
    expect(parseTestCounts('Ran 4 tests in 0.002s\n\nOK\n')).toEqual({
      tests: 4,
      failed: 0,
      seconds: 0.002,
      runner: 'unittest',
    });
    expect(parseTestCounts('Ran 4 tests in 0.002s\n\nFAILED (failures=1, errors=1)\n')).toMatchObject({
      tests: 4,
      failed: 2,
    });
  });

  it('vitest', () => {
    expect(
      parseTestCounts(
        ' Test Files  1 passed (1)\n      Tests  3 passed (3)\n   Start at  10:00:00\n   Duration  1.25s\n',
      ),
    ).toEqual({ tests: 3, failed: 0, seconds: 1.25, runner: 'vitest' });
    expect(parseTestCounts('      Tests  1 failed | 2 passed (3)\n   Duration  820ms (transform 10ms)')).toEqual({
      tests: 3,
      failed: 1,
      seconds: 0.82,
      runner: 'vitest',
    });
  });

  it('says nothing about output that is not a summary', () => {
    expect(parseTestCounts('all good\n')).toBeUndefined();
    expect(parseTestCounts('2 skipped in 0.1s')).toBeUndefined();
    expect(parseTestCounts('we passed in 3s')).toBeUndefined();
  });
});
