/** `lynx validate --checks`: the checks self-test as a user runs it, on the bundled data and on a fork. */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, repoRoot, tempDir } from '../helpers/cli.js';

afterAll(cleanup);

describe('lynx validate --checks', () => {
  it('proves every bundled DoD item can pass and can fail', () => {
    const r = lynx(['validate', '--checks', '--json'], { cwd: repoRoot, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; self_test: { items: number; checks: number } };
    expect(out.ok).toBe(true);
    expect(out.self_test.items).toBe(243);
  });

  it('refuses a fork whose check cannot fail (a quiz check in a phase without a quiz), exit 2', () => {
    const dir = tempDir();
    cpSync(join(repoRoot, 'curriculum'), join(dir, 'curriculum'), { recursive: true });
    cpSync(join(repoRoot, 'quizzes'), join(dir, 'quizzes'), { recursive: true });
    const phase41 = join(dir, 'curriculum', 'phase-41-learner-portal', 'phase.yaml');
    writeFileSync(
      phase41,
      readFileSync(phase41, 'utf8').replace(
        /^dod:\n/m,
        'dod:\n  - id: quiz-without-a-quiz\n    text: the quiz is passed\n    check: { kind: quiz }\n',
      ),
    );
    const plain = lynx(['validate', dir], { cwd: repoRoot });
    expect(plain.code, plain.stderr).toBe(0);
    const r = lynx(['validate', dir, '--checks'], { cwd: repoRoot, timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /phase-41-learner-portal\/phase\.yaml:\d+:\d+ .*quiz-without-a-quiz: this check cannot fail/,
    );
  });
});
