import { describe, expect, it } from 'vitest';
import { applyEdit, matchEdit } from '../../src/core/break/edit.js';
import { locate } from '../../src/core/break/locate.js';

const LAB =
  'class Tensor:\n    def __add__(self, other):\n        out = Tensor(self.data + other.data)\n\n        def ' +
  '_backward():\n            self.grad += _unbroadcast(out.grad, self.shape)\n\n            other.grad += ' +
  '_unbroadcast(out.grad, other.shape)\n        out._backward = _backward\n        return out\n';
const FIND = 'self.grad += _unbroadcast(out.grad, self.shape)\nother.grad += _unbroadcast(out.grad, other.shape)';
const REPL = 'self.grad += out.grad\nother.grad += out.grad';

describe('the tolerant match', () => {
  it(
    'ignores indentation, blank lines between anchor lines, trailing spaces and quote style — and rewrites only ' +
      'the changed lines',
    () => {
      expect(matchEdit(LAB, FIND, REPL)).toMatchObject({ ok: true, how: 'tolerant', line: 6 });
      expect(applyEdit(LAB, FIND, REPL)).toBe(
        LAB.replace('self.grad += _unbroadcast(out.grad, self.shape)', 'self.grad += out.grad')
          .replace('other.grad += _unbroadcast(out.grad, other.shape)', 'other.grad += out.grad')
          .replace('out.grad\n\n            other', 'out.grad\n            other'),
      );
      const quoted = "x = cfg['lr']   \ny = 1\n";
      expect(matchEdit(quoted, 'x = cfg["lr"]', 'x = 0')).toMatchObject({ ok: true, how: 'tolerant', line: 1 });
      expect(applyEdit(quoted, 'x = cfg["lr"]', 'x = 0')).toBe('x = 0\ny = 1\n');
    },
  );

  it('is not fuzzy: a different token or a line in between is no match', () => {
    expect(matchEdit(LAB.replace('other.shape', 'other.data.shape'), FIND, REPL)).toMatchObject({
      ok: false,
      reason: 'no-match',
    });
    expect(
      matchEdit(LAB.replace('\n\n            other', '\n            pass\n            other'), FIND, REPL),
    ).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it("keeps the learner's unchanged context lines byte for byte", () => {
    const text = 'def f():\n    a = 1  \n    b = "x"\n    return a\n';
    expect(applyEdit(text, "a = 1\nb = 'x'\nreturn a", "a = 1\nb = 'y'\nreturn a")).toBe(
      "def f():\n    a = 1  \n    b = 'y'\n    return a\n",
    );
  });
});

describe('locate', () => {
  const files: Record<string, string> = { 'src/minitorch/tensor.py': LAB, 'README.md': '# notes\n' };
  const read = (p: string): string | undefined => files[p];
  it('the listed path first; an alternative or another tracked file needs confirmation', () => {
    const listed = locate(
      { path: 'src/minitorch/tensor.py', alternatives: [], edits: [{ find: FIND, replace: REPL }] },
      read,
      Object.keys(files),
    );
    expect(listed).toMatchObject({
      ok: true,
      located: { path: 'src/minitorch/tensor.py', where: 'listed', how: 'tolerant', confirm: true },
    });
    const alt = locate(
      {
        path: 'src/minigrad/tensor.py',
        alternatives: ['src/minitorch/tensor.py'],
        edits: [{ find: FIND, replace: REPL }],
      },
      read,
      Object.keys(files),
    );
    expect(alt).toMatchObject({
      ok: true,
      located: { path: 'src/minitorch/tensor.py', where: 'alternative', confirm: true },
    });
    const elsewhere = locate(
      { path: 'nn/x.py', alternatives: [], edits: [{ find: FIND, replace: REPL }] },
      read,
      Object.keys(files),
    );
    expect(elsewhere).toMatchObject({ ok: true, located: { path: 'src/minitorch/tensor.py', where: 'elsewhere' } });
    const exact = locate(
      { path: 'README.md', alternatives: [], edits: [{ find: '# notes', replace: '# gone' }] },
      read,
      Object.keys(files),
    );
    expect(exact).toMatchObject({ ok: true, located: { where: 'listed', how: 'exact', confirm: false } });
  });

  it('several places is a refusal; nowhere is none (the guided mode)', () => {
    const two: Record<string, string> = { ...files, 'src/copy.py': LAB };
    expect(
      locate(
        { path: 'nn/x.py', alternatives: [], edits: [{ find: FIND, replace: REPL }] },
        (p) => two[p],
        Object.keys(two),
      ),
    ).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(
      locate(
        { path: 'nn/x.py', alternatives: [], edits: [{ find: 'nothing like it', replace: 'x' }] },
        read,
        Object.keys(files),
      ),
    ).toMatchObject({ ok: false, reason: 'none' });
  });
});
