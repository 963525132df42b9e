/**
 * Command checks run concurrently (issue 20): `--jobs N` bounds them, identical commands run once,
 * results come out in curriculum order whatever finished first. Real `just`, real sleeps.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, tempDir, write } from '../helpers/cli.js';
import { PHASE_YAML, commitAll, passingWorkspace } from '../helpers/gate-fixture.js';

afterAll(cleanup);

// the fixture's own `just test` would take one of two jobs: the pair alone is measured
const TESTS_ITEM = '  - { id: tests, text: The tests pass., check: { kind: command, just: test } }\n';

/** Two slow recipes, the second listed first to finish last; a third item repeats the first command. */
function slowWorkspace(): { dir: string; count: string } {
  expect(PHASE_YAML).toContain(TESTS_ITEM);
  const dir = passingWorkspace();
  const count = join(tempDir('lynx-jobs-'), 'runs.txt');
  writeFileSync(count, '');
  const justfile = readFileSync(join(dir, 'Justfile'), 'utf8');
  write(
    dir,
    'Justfile',
    `${justfile}\nslow-a:\n    echo "a start $(date +%s.%N)" >> ${count}; sleep 1.2; echo "a end $(date ` +
      `+%s.%N)" >> ${count}\n\nslow-b:\n    echo "b start $(date +%s.%N)" >> ${count}; sleep 0.9; echo "b end ` +
      `$(date +%s.%N)" >> ${count}\n`,
  );
  const extra = [
    '  - { id: slow-a, text: A slow check., check: { kind: command, just: slow-a } }',
    '  - { id: slow-b, text: Another slow check., check: { kind: command, just: slow-b } }',
    '  - { id: slow-a-again, text: The same command again., check: { kind: command, just: slow-a }, depends_on: ' +
      '[slow-b] }',
  ].join('\n');
  write(
    dir,
    'data/curriculum/phase-00-mini/phase.yaml',
    PHASE_YAML.replace(TESTS_ITEM, '').replace('breaks:\n', `${extra}\nbreaks:\n`),
  );
  commitAll(dir, 'slow checks');
  return { dir, count };
}

/**
 * The slow pair's span, first start to last end, from the recipes' own clocks: the whole process's time
 * on a loaded 2-core machine varies by more than the sleeps. `runs`: which recipes ran, in order.
 */
function run(
  dir: string,
  count: string,
  jobs: number,
): { ms: number; runs: string[]; ids: string[]; statuses: string[] } {
  writeFileSync(count, '');
  const r = lynx(['checkpoint', '00', '--run', '--json', '--jobs', String(jobs)], { cwd: dir });
  const lines = readFileSync(count, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '));
  const times = lines.map((l) => Number(l[2]));
  const ms = (Math.max(...times) - Math.min(...times)) * 1000;
  const runs = lines.filter((l) => l[1] === 'start').map((l) => l[0] ?? '');
  expect(r.code, r.stderr).toBe(0);
  const checks = (JSON.parse(r.stdout) as { checks: { id: string; status: string }[] }).checks;
  return { ms, runs, ids: checks.map((c) => c.id), statuses: checks.map((c) => c.status) };
}

describe('--jobs: concurrent command checks', () => {
  it(
    'jobs 2 runs a slow pair in about half the time; order and results the same as jobs 1 and 4; one run per ' +
      'command',
    () => {
      const { dir, count } = slowWorkspace();
      const one = run(dir, count, 1);
      expect(one.runs).toEqual(['a', 'b']); // one at a time, in curriculum order; slow-a ran once for two items
      const two = run(dir, count, 2);
      expect(two.runs.sort()).toEqual(['a', 'b']);
      const four = run(dir, count, 4);
      expect(two.ids).toEqual(one.ids);
      expect(four.ids).toEqual(one.ids);
      expect(two.statuses).toEqual(one.statuses);
      expect(four.statuses).toEqual(one.statuses);
      const dod = one.ids.filter((id) => id.startsWith('slow'));
      expect(dod).toEqual(['slow-a', 'slow-b', 'slow-a-again']); // curriculum order, not finishing order
      // sequential: ≥ 2.1 s of sleeps; concurrent: ~1.2 s, about half
      expect(one.ms).toBeGreaterThan(2100);
      expect(two.ms).toBeLessThan(one.ms * 0.75);
    },
    60_000,
  );

  it('--jobs must be a whole number ≥ 1: exit 2, nothing run', () => {
    const { dir, count } = slowWorkspace();
    for (const bad of ['0', '-1', 'two']) {
      const r = lynx(['checkpoint', '00', '--run', '--jobs', bad], { cwd: dir });
      expect(r.code, `${bad}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
    expect(readFileSync(count, 'utf8')).toBe('');
  }, 60_000);
});
