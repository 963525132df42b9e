/** `code` answers run in a real python3 with the lab's limits (2 s, 64 MB) and stdout compared. */
import { describe, expect, it } from 'vitest';
import { runCode } from '../../src/io/code-runner.js';
import { gradeItem, type QuizItem } from '../../src/core/quiz/grade.js';

const item = {
  id: 'q-31-01',
  answer_type: 'code',
  prompt_en: 'Print the sum of the numbers on stdin.',
  correct: '6\n',
  stdin: '1 2 3\n',
  tags: ['t'],
} as QuizItem;
const grade = async (src: string) => gradeItem(item, { kind: 'text', text: src }, await runCode(src, item.stdin));

describe('code answers', () => {
  it("right when stdout matches (trailing whitespace aside), reading the item's stdin", async () => {
    expect(await grade('import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))')).toMatchObject({
      verdict: 'correct',
      points: 1,
    });
  });

  it('wrong when stdout differs, and stdout is case-sensitive', async () => {
    const g = await grade('print(7)');
    expect(g).toMatchObject({ verdict: 'wrong', points: 0 });
    expect(g.feedback).toContain('"7"');
    const upper = gradeItem(
      { ...item, correct: 'Six' },
      { kind: 'text', text: 'print("six")' },
      await runCode('print("six")', undefined),
    );
    expect(upper.points).toBe(0);
  });

  it("a crash is wrong, with the error's last line", async () => {
    const g = await grade('raise ValueError("nope")');
    expect(g.points).toBe(0);
    expect(g.feedback).toMatch(/exited with 1: ValueError: nope/);
  });

  it('an endless loop is stopped at the 2 s limit', async () => {
    const t0 = Date.now();
    const g = await grade('while True:\n    pass');
    expect(g).toMatchObject({ points: 0, feedback: 'time limit (2 s) exceeded' });
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  it('allocating past 64 MB is stopped', async () => {
    expect(await grade('x = bytearray(256 * 1024 * 1024)\nprint(6)')).toMatchObject({
      points: 0,
      feedback: 'memory limit (64 MB) exceeded',
    });
  });
});
