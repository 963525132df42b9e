import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits, matchEdit } from '../../src/core/break/edit.js';
import { unifiedDiff } from '../../src/core/break/diff.js';

const SEEDING =
  'import os\n\n\ndef seed_everything(seed: int) -> None:\n    os.environ["PYTHONHASHSEED"] = str(seed)\n    ' +
  'random.seed(seed)\n';

describe('matching a break edit', () => {
  it('an exact single match applies in place', () => {
    const m = matchEdit(SEEDING, '    os.environ["PYTHONHASHSEED"] = str(seed)', '    # removed');
    expect(m).toEqual({ ok: true, how: 'exact', line: 5, text: '    os.environ["PYTHONHASHSEED"] = str(seed)' });
    expect(applyEdit(SEEDING, '    os.environ["PYTHONHASHSEED"] = str(seed)', '    # removed')).toBe(
      SEEDING.replace('    os.environ["PYTHONHASHSEED"] = str(seed)', '    # removed'),
    );
  });

  it('several exact matches are ambiguous, with every candidate line', () => {
    const text = `${SEEDING}\ndef again(seed):\n    os.environ["PYTHONHASHSEED"] = str(seed)\n`;
    const m = matchEdit(text, 'os.environ["PYTHONHASHSEED"] = str(seed)', 'x');
    expect(m).toMatchObject({ ok: false, reason: 'ambiguous', how: 'exact' });
    expect(m.ok === false && m.reason === 'ambiguous' ? m.candidates.map((c) => c.line) : []).toEqual([5, 9]);
  });

  it("whitespace-tolerant: the page's unindented block matches indented code and keeps its indentation", () => {
    const code =
      'class Agent:\n    def answer(self, prompt):\n        proposal = self.model.generate(prompt)\n        ' +
      'verified = self.verifier.check(proposal)   # consults conjugation table\n        return verified if ' +
      'verified.ok else self.retry(prompt)\n';
    const find =
      'proposal = self.model.generate(prompt)\nverified = self.verifier.check(proposal)   # consults ' +
      'conjugation table\nreturn verified if verified.ok else self.retry(prompt)';
    const replace =
      'proposal = self.model.generate(prompt)\n# verified = self.verifier.check(proposal)\nreturn proposal';
    expect(matchEdit(code, find, replace)).toMatchObject({ ok: true, how: 'tolerant', line: 3 });
    expect(applyEdit(code, find, replace)).toBe(
      'class Agent:\n    def answer(self, prompt):\n        proposal = self.model.generate(prompt)\n        # ' +
        'verified = self.verifier.check(proposal)\n        return proposal\n',
    );
  });

  it('whitespace-tolerant matching keeps CRLF line endings', () => {
    const code = 'def f():\r\n  x  =  1\r\n  return x\r\n';
    expect(applyEdit(code, 'x = 1\nreturn x', 'x = 2\nreturn x')).toBe('def f():\r\n  x = 2\r\n  return x\r\n');
  });

  it('no match says whether the mutant is already there (a committed break)', () => {
    expect(matchEdit('a\nb\n', 'c', 'd')).toEqual({ ok: false, reason: 'no-match', alreadyMutant: false });
    expect(matchEdit('a\n# removed\n', 'os.environ', '# removed')).toEqual({
      ok: false,
      reason: 'no-match',
      alreadyMutant: true,
    });
  });

  it('several edits on one file apply in order, each exactly once (phase 28 has two hunks)', () => {
    const text =
      'class L:\n    def __init__(self, base, rank: int = 8):\n        self.A = P(rank, std=1 / rank ** 0.5)\n';
    const r = applyEdits(text, [
      { find: 'rank: int = 8', replace: 'rank: int = 0' },
      { find: 'std=1 / rank ** 0.5', replace: 'std=1' },
    ]);
    expect(r).toEqual({
      ok: true,
      text: 'class L:\n    def __init__(self, base, rank: int = 0):\n        self.A = P(rank, std=1)\n',
      matches: [
        { line: 2, how: 'exact' },
        { line: 3, how: 'exact' },
      ],
    });
    const bad = applyEdits(text, [
      { find: 'rank: int = 8', replace: 'rank: int = 0' },
      { find: 'rank: int = 8', replace: 'x' },
    ]);
    expect(bad).toMatchObject({ ok: false, index: 1, match: { reason: 'no-match' } });
  });
});

describe('unified diff for refusals', () => {
  it('shows the changed lines with context and positions', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
    const b = a.replace('5\n', 'five\n');
    expect(unifiedDiff(a, b, { a: 'x (mutant)', b: 'x (now)' })).toBe(
      '--- x (mutant)\n+++ x (now)\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n',
    );
    expect(unifiedDiff(a, a, { a: 'a', b: 'b' })).toBe('');
    expect(unifiedDiff('x\n', 'x', { a: 'a', b: 'b' })).toContain('only line endings or the final newline differ');
  });
});
