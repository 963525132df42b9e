import { describe, expect, it } from 'vitest';
import { evaluate, parseAssertion } from '../../src/core/assertions.js';
import { tasks, section, wordCount } from '../../src/core/markdown-tasks.js';
import { chainLine, verifyChain, historyProblems, tailSha256, sha256 } from '../../src/core/attempts.js';
import { parseTestCounts, tallyLines } from '../../src/core/measure.js';
import { diffManifests, category } from '../../src/core/manifest.js';
import { runGate, gateStatus } from '../../src/core/gate.js';
import type { CheckContext } from '../../src/core/checks/types.js';
import type { Phase } from '../../src/schemas/generated/types.js';
import { bareRecord } from '../helpers/attempt-record.js';

describe('metric assertions', () => {
  it.each([
    ['metrics.final_loss < 0.5', { metrics: { final_loss: 0.3 } }, true],
    ['metrics.final_loss < 0.5', { metrics: { final_loss: 0.5 } }, false],
    ['acc >= 0.9', { acc: 0.9 }, true],
    ['h2d[1].gbs > 10', { h2d: [{ gbs: 1 }, { gbs: 12 }] }, true],
    ['status == "passed"', { status: 'passed' }, true],
    ['dod_30pct_met == true', { dod_30pct_met: false }, false],
    ['x != 0', { x: 1 }, true],
  ])('%s on %j → %s', (text, doc, ok) => {
    expect(evaluate(parseAssertion(text), doc).ok).toBe(ok);
  });
  it('a missing key or a non-number fails with a reason', () => {
    expect(evaluate(parseAssertion('metrics.loss < 1'), {})).toMatchObject({
      ok: false,
      message: 'metrics.loss is missing',
    });
    expect(evaluate(parseAssertion('loss < 1'), { loss: 'low' }).message).toContain('is not a number');
  });
});

describe('markdown task items', () => {
  it('only real task items count; code blocks and prose do not', async () => {
    const md =
      '# Lab\n\n- [x] done\n- [ ] open\n  - [X] nested\n\n```\n- [ ] in code\n```\n\nText with [ ] brackets.\n';
    const t = await tasks(md);
    expect(t.map((x) => [x.line, x.checked, x.text])).toEqual([
      [3, true, 'done'],
      [4, false, 'open'],
      [5, true, 'nested'],
    ]);
  });
  it('sections and word counts', () => {
    const md = '# P\n## §7 Open questions\n- a\n### sub\n- b\n## §8 Revisions log\n- c\n';
    expect(section(md, /§\s*7/)).toBe('- a\n### sub\n- b');
    expect(wordCount('# Title\n\nOne two three — four.\n```\ncode not counted\n```\n<!-- nor this -->')).toBe(5);
  });
});

describe('attempt log chain', () => {
  const rec = (score: number): ReturnType<typeof bareRecord> => bareRecord(score, 'a');
  it('chains lines; a torn tail is ignored; an edit breaks the chain', () => {
    const l1 = chainLine(rec(0.5), undefined);
    const l2 = chainLine(rec(0.8), l1);
    expect(verifyChain(`${l1}\n${l2}\n`, 'f').problems).toEqual([]);
    expect(verifyChain(`${l1}\n${l2}\n{"v":1,"at":`, 'f')).toMatchObject({
      problems: [],
      records: [{ score: 0.5 }, { score: 0.8 }],
    });
    const edited = `${l1.replace('0.5', '0.9')}\n${l2}\n`;
    expect(verifyChain(edited, 'f').problems[0]).toMatch(/^f:2: hash chain broken/);
    expect(verifyChain(`${l1}\ngarbage\n${l2}\n`, 'f').problems[0]).toMatch(/^f:2: not valid JSON/);
  });
  it('committed history is append-only; the tail anchor matches the last line', () => {
    const l1 = chainLine(rec(0.5), undefined);
    expect(historyProblems(`${l1}\nX\n`, [{ sha: 'a'.repeat(40), text: `${l1}\n` }], 'f')).toEqual([]);
    expect(historyProblems('Y\n', [{ sha: 'a'.repeat(40), text: `${l1}\n` }], 'f')[0]).toMatch(
      /^f:1: this line was changed after it was committed in aaaaaaaa/,
    );
    expect(tailSha256(`${l1}\n`)).toBe(sha256(l1));
  });
});

describe('measurements', () => {
  it('parses unittest and pytest summaries', () => {
    expect(parseTestCounts('...\nRan 12 tests in 0.532s\n\nOK\n')).toEqual({
      tests: 12,
      failed: 0,
      seconds: 0.532,
      runner: 'unittest',
    });
    expect(parseTestCounts('Ran 3 tests in 1.0s\n\nFAILED (failures=1, errors=1)')).toMatchObject({
      tests: 3,
      failed: 2,
    });
    expect(parseTestCounts('===== 2 failed, 40 passed in 3.21s =====')).toEqual({
      tests: 42,
      failed: 2,
      seconds: 3.21,
      runner: 'pytest',
    });
    expect(parseTestCounts('nothing here')).toBeUndefined();
  });
  it('tallies lines by language', () => {
    expect(
      tallyLines([
        { path: 'src/a.py', lines: 10 },
        { path: 'Justfile', lines: 4 },
        { path: 'b.py', lines: 5 },
        { path: 'x.bin', lines: 9 },
      ]),
    ).toEqual([
      { language: 'Python', files: 2, lines: 15 },
      { language: 'Just', files: 1, lines: 4 },
    ]);
  });
});

describe('manifest drift', () => {
  it('orders by drift category and marks missing keys', () => {
    const a = { git_sha: 'a', versions: { numpy: '2.0.1' }, env: {}, wall_seconds: 1 };
    const b = { git_sha: 'a', versions: { numpy: '2.0.2' }, env: { OMP_NUM_THREADS: 8 }, wall_seconds: 2 };
    expect(diffManifests(a, b)).toEqual([
      { category: 'VERSIONS', key: 'versions.numpy', a: '2.0.1', b: '2.0.2' },
      { category: 'ENV', key: 'env.OMP_NUM_THREADS', a: '<missing>', b: '8' },
      { category: 'TIME', key: 'wall_seconds', a: '1', b: '2' },
    ]);
    expect(category('git_dirty')).toBe('CODE');
  });
});

describe('gate: dependencies and waivers', () => {
  const phase = {
    schema_version: 1,
    id: 3,
    slug: 's',
    title: 'T',
    requires: [],
    teaches: [],
    goal: 'g',
    read_order: [],
    labs: [],
    breaks: [],
    quiz: { threshold: 0.7 },
    dod: [
      { id: 'a', text: 'A exists', check: { kind: 'file', path: 'a.md' } },
      { id: 'b', text: 'B after A', check: { kind: 'file', path: 'b.md' }, depends_on: ['a'] },
      { id: 'c', text: 'C waived', check: { kind: 'file', path: 'c.md' } },
    ],
  } as Phase;
  const ctx = (files: string[]): CheckContext => ({
    phase,
    learner: 'x',
    mode: 'full',
    expand: (p) => p,
    fs: { info: (p) => ({ exists: files.includes(p), isFile: true, size: 1 }), read: () => undefined, glob: () => [] },
    git: {
      committed: () => Promise.resolve(true),
      headSha: () => Promise.resolve(null),
      inHistory: () => Promise.resolve(true),
      whyNotInHistory: () => Promise.resolve(''),
      facts: () => Promise.resolve({ committed: () => true, inHistory: () => true }),
      dirty: () => Promise.resolve([]),
      firstCommit: () => Promise.resolve(undefined),
      isAncestor: () => Promise.resolve(true),
      tracked: () => Promise.resolve([]),
    },
    run: () => Promise.reject(new Error('no commands here')),
    has: () => false,
    state: {
      checkpoint: {
        schema_version: 1,
        phase: 3,
        learner: 'x',
        status: 'in_progress',
        waivers: [{ item: 'c', at: '2026-01-01T00:00:00Z', by: 'x', reason: 'not applicable' }],
      },
      attempts: { records: [], problems: [] },
      bank: undefined,
      bankSha256: undefined,
      breakJournals: [],
    },
  });
  it('a check whose prerequisite failed is skipped, not failed twice; a waiver is not run', async () => {
    const r = await runGate(ctx(['b.md']), { ritual: false, requireClean: false });
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['a', 'fail'],
      ['b', 'skipped'],
      ['c', 'skipped'],
    ]);
    expect(r.checks[1]?.message).toBe('skipped: depends on a, which did not pass');
    expect(r.checks[2]?.waived).toBe('not applicable');
    expect(r.status).toBe('fail');
    const ok = await runGate(ctx(['a.md', 'b.md']), { ritual: false, requireClean: false });
    expect(ok.status).toBe('pass');
    expect(gateStatus([{ id: 'x', kind: 'command', title: 't', status: 'pending', message: '' }], 'static')).toBe(
      'pass',
    );
    expect(gateStatus([{ id: 'x', kind: 'command', title: 't', status: 'pending', message: '' }], 'full')).toBe('fail');
  });
});
