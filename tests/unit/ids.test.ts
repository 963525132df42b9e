import { describe, expect, it } from 'vitest';
import { assertLearner, expandPath, isInside, parsePhase } from '../../src/core/ids.js';
import { UsageError } from '../../src/core/errors.js';

describe('parsePhase', () => {
  it('accepts 7 and 07 and the range 0..41', () => {
    expect(parsePhase('7')).toBe(7);
    expect(parsePhase('07')).toBe(7);
    expect(parsePhase('0')).toBe(0);
    expect(parsePhase('41')).toBe(41);
  });
  it.each(['42', '99', '-1', '7a', '', '007', '1.5'])('rejects %j with a usage error', (arg) => {
    expect(() => parsePhase(arg)).toThrow(UsageError);
  });
});

describe('assertLearner', () => {
  it.each(['borja', 'ana-2', 'l_3', 'ab'])('accepts %s', (n) => expect(assertLearner(n, 'test')).toBe(n));
  it.each(['B', 'Borja', 'a', '1abc', '../x', 'a/b', 'x'.repeat(32), ''])('rejects %j', (n) => {
    expect(() => assertLearner(n, '--learner')).toThrow(/invalid learner name/);
  });
});

describe('isInside / expandPath', () => {
  it.each([
    ['a/b.md', true],
    ['./a', true],
    ['a/../b', true],
    ['../a', false],
    ['a/../../b', false],
    ['/etc/passwd', false],
    ['C:/x', false],
  ])('%s → %s', (p, ok) => {
    expect(isInside(p)).toBe(ok);
  });
  it('substitutes learner, docs and nn', () => {
    expect(
      expandPath('learners/{learner}/phase-{nn}/x in {docs}', { learner: 'ana', docs: 'docs/phase-07-x', nn: '07' }),
    ).toBe('learners/ana/phase-07/x in docs/phase-07-x');
  });
});

describe('typed errors', () => {
  it(
    'instanceof follows the class hierarchy (one copy of ' + 'each class: one build, tests/unit/build.test.ts)',
    async () => {
      const { InputError, LynxError, UsageError } = await import('../../src/core/errors.js');
      const e = new InputError('x');
      expect(e instanceof LynxError).toBe(true);
      expect(e instanceof InputError).toBe(true);
      expect(e instanceof UsageError).toBe(false);
      expect(e.name).toBe('InputError');
      expect(new Error('plain') instanceof LynxError).toBe(false);
    },
  );
});
