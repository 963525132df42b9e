import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDiagnosis, keyTerms } from '../../src/core/break/diagnosis.js';
import {
  markdownWritten,
  predictionsTemplate,
  yamlBlocks,
  yamlEntryWritten,
} from '../../src/core/break/predictions.js';
import { planObserve, type ObserveFacts } from '../../src/core/break/observe-plan.js';
import { parseBreakArgs, planTargets } from '../../src/core/break/model.js';
import { classify, journalProblems } from '../../src/core/break/journal.js';
import { detect } from '../../src/core/break/detect.js';
import type { Phase } from '../../src/schemas/generated/types.js';
import { repoRoot } from '../helpers/cli.js';

const phase = (n: string): Phase =>
  JSON.parse(readFileSync(join(repoRoot, 'dist', 'data', 'phases', `phase-${n}.json`), 'utf8')) as Phase;
const brk = (n: string): Phase['breaks'][number] => phase(n).breaks[0] as Phase['breaks'][number];

describe('diagnosis vs hidden cause', () => {
  const cause = brk('00').hidden_cause;
  it('a diagnosis that names the mechanism names the cause', () => {
    const v = compareDiagnosis(
      'PYTHONHASHSEED is set inside the process, after the hash randomizer was initialized at startup',
      cause,
    );
    expect(v.names_cause).toBe(true);
    expect(v.matched).toEqual(expect.arrayContaining(['pythonhashseed', 'inside', 'randomizer', 'initialized']));
  });
  it('a vague one does not', () => {
    expect(compareDiagnosis('something is wrong with the random seed', cause).names_cause).toBe(false);
    expect(compareDiagnosis('', cause)).toMatchObject({ names_cause: false, score: 0 });
  });
  it('a cause stated in one sentence among context, or as a terse label, can be named on its own', () => {
    expect(compareDiagnosis('the einsum contracts the wrong axis of A', brk('03').hidden_cause).names_cause).toBe(true);
    expect(compareDiagnosis('the matmul is wrong', brk('03').hidden_cause).names_cause).toBe(false);
    expect(compareDiagnosis('the cache position is off by one', brk('22').hidden_cause)).toMatchObject({
      names_cause: true,
      matched: ['off-by-one'],
    });
    expect(compareDiagnosis('something is off', brk('22').hidden_cause).names_cause).toBe(false);
  });
  it('key terms skip function words and fold inflections', () => {
    expect(keyTerms('The cache is initialized; initialization of the caches').map((t) => t.stem)).toEqual([
      'cach',
      'initia',
    ]);
    expect(keyTerms('cause').map((t) => t.stem)).toEqual(keyTerms('caused').map((t) => t.stem));
  });
});

describe('predictions', () => {
  const b = brk('00');
  const tpl = predictionsTemplate(0, b);
  it('the untouched template, or a couple of words, do not count', () => {
    expect(markdownWritten(tpl, tpl)).toMatchObject({ ok: false, reason: 'the file is still the untouched template' });
    expect(markdownWritten(`${tpl}tests fail\n`, tpl)).toMatchObject({ ok: false, words: 2 });
    expect(
      markdownWritten(
        tpl.replace('### Why I expect it', '### Why I expect it\n\nhash order differs between two processes'),
        tpl,
      ),
    ).toMatchObject({ ok: true, words: 6 });
  });
  it('yaml-entry phases (33–39): the entry for the bug-id needs a symptom', () => {
    const b33 = brk('33');
    const t33 = predictionsTemplate(33, b33);
    expect(t33).toContain('- bug-id: "33-01"');
    const blocks = yamlBlocks(t33);
    expect(blocks).toHaveLength(1);
    expect(t33.split('\n')[(blocks[0]?.line ?? 0) - 1]).toBe('- bug-id: "33-01"');
    expect(yamlEntryWritten([{ 'bug-id': '33-01', symptom: '' }], b33)).toMatchObject({ ok: false });
    expect(yamlEntryWritten([{ 'bug-id': '33-02', symptom: 'x' }], b33).reason).toContain(
      'no entry with bug-id: 33-01',
    );
    expect(
      yamlEntryWritten([{ 'bug-id': '33-01', symptom: 'throughput collapses to one request at a time' }], b33),
    ).toMatchObject({ ok: true });
  });
});

describe('observe plan', () => {
  const facts = (o: Partial<ObserveFacts> = {}): ObserveFacts => ({
    hasProgram: (p) => p !== 'uv',
    recipes: ['test', 'exp'],
    recipeName: (n) => n,
    has: () => false,
    ...o,
  });
  it('uv missing: the observe commands are skipped and the test recipe runs instead, saying why', () => {
    const p = planObserve(brk('00'), facts());
    expect(p.steps.map((s) => s.action)).toEqual(['skip', 'skip']);
    expect(p.fallback?.text).toBe('just test');
    expect(p.fallback?.reason).toContain('`uv` is not installed');
  });
  it('a renamed test recipe (lynx.yaml recipes:) is the one used; no test recipe → no fallback', () => {
    expect(
      planObserve(brk('00'), facts({ recipes: ['check'], recipeName: (n) => (n === 'test' ? 'check' : n) })).fallback
        ?.text,
    ).toBe('just check');
    expect(planObserve(brk('00'), facts({ recipes: ['exp'] })).fallback).toBeUndefined();
  });
  it('needs and missing recipes are skips; just recipes that exist run', () => {
    const p24 = planObserve(brk('24'), facts({ recipes: ['phase-24-build-cuda'] }));
    expect(p24.steps.every((s) => s.action === 'skip' && s.reason.includes('needs'))).toBe(true);
    const p09 = planObserve(brk('09'), facts());
    expect(p09.steps[0]).toMatchObject({
      action: 'run',
      spec: { just: 'exp', args: ['09-tense-mlp', '--tag', 'broken-gelu-identity'] },
    });
    expect(planObserve(brk('37'), facts()).steps.map((s) => s.action)).toEqual(['manual', 'run']);
  });
  it(
    'a recipe no lab defines runs the command directly when the data gives its argv, and says so; without argv it ' +
      'is a skip',
    () => {
      const b = {
        ...brk('00'),
        observe: [
          {
            text: 'just exp 09-tense-mlp',
            just: 'exp',
            args: ['09-tense-mlp'],
            argv: ['python3', 'experiments/09-tense-mlp/train.py'] as [string, ...string[]],
          },
        ],
      };
      const p = planObserve(b, facts({ recipes: ['test'], hasProgram: () => true }));
      expect(p.steps[0]).toMatchObject({
        action: 'run',
        spec: { argv: ['python3', 'experiments/09-tense-mlp/train.py'] },
        note: 'the Justfile has no recipe `exp`: ran `python3 experiments/09-tense-mlp/train.py` directly instead',
      });
      expect(p.fallback).toBeUndefined();
      const noPython = planObserve(b, facts({ recipes: ['test'], hasProgram: () => false }));
      expect(noPython.steps[0]).toMatchObject({
        action: 'skip',
        reason: 'the Justfile has no recipe `exp`, and `python3` is not installed (not on PATH)',
      });
      const plain = planObserve(
        { ...b, observe: [{ text: 'just exp x', just: 'exp', args: ['x'] }] },
        facts({ recipes: ['test'] }),
      );
      expect(plain.steps[0]).toMatchObject({ action: 'skip', reason: 'the Justfile has no recipe `exp`' });
      expect(plain.fallback?.text).toBe('just test');
    },
  );
});

describe('arguments, targets, journal', () => {
  it('parses NN [ID] step [TEXT]', () => {
    expect(parseBreakArgs(['7'])).toEqual({ phase: 7, id: undefined, step: 'show', text: undefined });
    expect(parseBreakArgs(['00', 'pythonhashseed', 'diagnose', 'the', 'seed'])).toEqual({
      phase: 0,
      id: 'pythonhashseed',
      step: 'diagnose',
      text: 'the seed',
    });
    expect(parseBreakArgs(['status'])).toMatchObject({ phase: undefined, step: 'status' });
    expect(() => parseBreakArgs(['00', 'restore', 'now'])).toThrow('takes no further arguments');
    expect(() => parseBreakArgs(['00', 'x', 'y'])).toThrow('unknown break step "y"');
  });
  it(
    'prose-only and diagnostic breaks are manual; a directory ' + 'target or no target in the workspace is a refusal',
    () => {
      const kinds = (m: Record<string, 'file' | 'dir' | 'missing'>) => (rel: string) => m[rel] ?? 'missing';
      expect(planTargets(0, brk('00'), (p) => p, kinds({ 'src/utils/seeding.py': 'file' }), {}).mode).toBe('edit');
      expect(planTargets(7, brk('07'), (p) => p, kinds({ 'src/minigrad/scalar.py': 'file' }), {})).toMatchObject({
        mode: 'manual',
        why: expect.stringContaining('prose') as string,
      });
      expect(
        planTargets(0, brk('00'), (p) => p, kinds({ 'src/utils/seeding.py': 'file' }), { manual: true }).mode,
      ).toBe('manual');
      expect(planTargets(40, brk('40'), (p) => p.replace('{learner}', 'ana'), kinds({}), {})).toMatchObject({
        mode: 'manual',
        files: [],
      });
      expect(() => planTargets(24, brk('24'), (p) => p, kinds({ 'src/minikernel/': 'dir' }), {})).toThrow(
        'is a directory',
      );
      expect(() => planTargets(0, brk('00'), (p) => p, kinds({}), {})).toThrow(
        "none of the break's target files is in this workspace",
      );
      expect(
        planTargets(0, brk('00'), (p) => p, kinds({ 'lib/seed.py': 'file' }), { files: ['lib/seed.py'] }),
      ).toMatchObject({ mode: 'edit', files: [{ path: 'lib/seed.py' }] });
    },
  );
  it('a hand-edited journal is caught with its JSON path; file states by hash', () => {
    expect(
      journalProblems({
        kind: 'lynx-break-journal',
        schema_version: 1,
        phase: 0,
        break_id: 'x',
        learner: 'a',
        created_at: 't',
        lynx_version: 'v',
        mode: 'edit',
        stage: 'applied',
        files: [{ path: 'f', mode: 420, original_b64: '', original_sha256: 'nope' }],
      }),
    ).toEqual(['files[0].original_sha256: expected a sha256 — found "nope"']);
    const f = {
      path: 'f',
      mode: 420,
      original_b64: '',
      original_sha256: 'a'.repeat(64),
      mutant_sha256: 'b'.repeat(64),
    };
    expect([
      classify(f, 'a'.repeat(64)),
      classify(f, 'b'.repeat(64)),
      classify(f, 'c'.repeat(64)),
      classify(f, undefined),
    ]).toEqual(['original', 'mutant', 'changed', 'missing']);
  });
  it('detectable: a changed exit code counts; output only when it is stable across two baseline runs', () => {
    const run = (exit: number, tail: string) => ({
      steps: [{ text: 't', action: 'run' as const, exit_code: exit, tail }],
    });
    expect(detect(run(0, 'ok'), run(0, 'ok'), run(1, 'FAIL')).detectable).toBe(true);
    expect(detect(run(0, 'a 0.2s'), run(0, 'a 0.3s'), run(0, 'b 0.1s'))).toMatchObject({
      detectable: true,
      how: expect.stringContaining('output changes') as string,
    });
    expect(detect(run(0, '[1, 2]'), run(0, '[2, 1]'), run(0, '[1, 2]'))).toMatchObject({
      detectable: false,
      how: expect.stringContaining('varies') as string,
    });
  });
});
