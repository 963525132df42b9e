/**
 * Issue 14.1: every DoD check of the bundled curriculum can pass and can fail. The self-test builds,
 * for each item, a synthetic workspace that satisfies it and one that violates it, and the real
 * engine must judge them pass and fail. Its own teeth are tested too: a check that cannot fail or
 * cannot pass is reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataSet, type DataSet } from '../../src/io/data-files.js';
import { selfTest } from '../../src/core/checks/selftest.js';
import { engine, KINDS } from '../../src/core/checks/registry.js';
import { World, witnessOf } from '../../src/core/checks/world.js';
import { matchingLine } from '../../src/core/checks/kinds/grep.js';
import type { Check, Phase } from '../../src/schemas/generated/types.js';
import { repoRoot } from '../helpers/cli.js';

let data: DataSet;
beforeAll(async () => {
  data = await loadDataSet(join(repoRoot, 'curriculum'), join(repoRoot, 'quizzes'), repoRoot);
});

const phaseWith = (base: Phase, checks: Check[], patch: Partial<Phase> = {}): Phase => ({
  ...base,
  ...patch,
  dod: checks.map((check, i) => ({ id: `item-${i}`, text: `item ${i}`, check })) as Phase['dod'],
});

describe('checks self-test', () => {
  it('passes and fails every one of the 243 DoD items of the bundled curriculum', async () => {
    const t0 = performance.now();
    const r = await selfTest(data.phases);
    expect(r.problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`)).toEqual([]);
    expect(r.items).toBe(243);
    expect(r.checks).toBeGreaterThan(500);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('reports a check that cannot fail and one that cannot pass', async () => {
    const p00 = data.phases[0]?.phase as Phase;
    const noQuiz = phaseWith(p00, [{ kind: 'quiz' }], { quiz: { threshold: p00.quiz.threshold } });
    const never = phaseWith(p00, [{ kind: 'grep', path: 'a.txt', pattern: 'x', min: 2, max: 1 }]);
    const r = await selfTest([
      { file: 'no-quiz.yaml', phase: noQuiz },
      { file: 'never.yaml', phase: never },
    ]);
    expect(r.problems.map((p) => `${p.file}: ${p.message.split(' — ')[0] ?? ''}`)).toEqual([
      'no-quiz.yaml: item-0: this check cannot fail',
      'never.yaml: item-0: no workspace satisfies this check',
    ]);
    expect(engine.validate({ kind: 'grep', path: 'a.txt', pattern: 'x', min: 2, max: 1 })).toEqual([
      ['/max', 'max 1 is below min 2: no file can pass'],
    ]);
  });

  it('grep with max and no min forbids the pattern: no match passes, a match fails', async () => {
    const p00 = data.phases[0]?.phase as Phase;
    const check: Check = { kind: 'grep', path: 'src/**/*.py', pattern: 'import torch', max: 0 };
    const clean = new World(p00, 'x');
    clean.write('src/m.py', 'import numpy\n');
    expect((await engine.evaluate(check, clean.context(), 'x')).status).toBe('pass');
    const dirty = new World(p00, 'x');
    dirty.write('src/m.py', 'import torch\n');
    expect((await engine.evaluate(check, dirty.context(), 'x')).status).toBe('fail');
  });

  it('generates strings that match a pattern and paths that match a glob', () => {
    for (const re of ['^def test_\\w+', '"(a|b)"\\s*:\\s*[1-9]', '\\{\\s*"', 'N_[A-Z]{3}'])
      expect(new RegExp(re).test(matchingLine(re) ?? '')).toBe(true);
    expect(witnessOf('experiments/{07,7}-*/**/manifest.json', 1)).toBe('experiments/07-w1/manifest.json');
  });

  it('has one definition per kind of the schema', () => {
    expect(Object.keys(KINDS).sort()).toEqual([
      'all',
      'any',
      'attest',
      'break',
      'checklist',
      'command',
      'file',
      'git-clean',
      'git-order',
      'glob',
      'grep',
      'json',
      'manifest',
      'quiz',
      'written',
    ]);
  });
});
