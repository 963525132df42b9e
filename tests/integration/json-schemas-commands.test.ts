/**
 * Issue 13: the --json outputs of the commands beyond the gate (phase-start, lab, quiz, review,
 * break, derive, demo, manifest diff, validate --breaks/--checks, next, class, claude), each
 * produced in a real temporary workspace and validated against its published schema — the success
 * shape and the error envelope {error: …}. The demo, a streamed lab run and what reads stdin are the
 * built CLI; the rest runs in process through the real command registry (validIn → lynxIn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, git, gitRepo, tempDir, workspace, write } from '../helpers/cli.js';
import { breakWorkspace, commitPredictions } from '../helpers/break-fixture.js';
import { commitAll } from '../helpers/gate-fixture.js';
import { ajv, schema, valid, validIn } from '../helpers/json-schema.js';
import { demoCopy, sharedDemo } from '../helpers/shared-demo.js';
import { addDays, utcDay } from '../../src/core/review/deck.js';
import { selfTestBreaks } from '../../src/app/break/self-test.js';
import { json } from '../../src/ui/reporters/json.js';

afterAll(cleanup);

/** A copy of the demo workspace (phase 00 closed by `lynx demo`), then phase 01 opened and approved. */
let demo: string;
beforeAll(() => {
  // `lynx demo --dir … --json` of the built CLI, once per run (tests/helpers/shared-demo.ts); a copy to change
  const shared = sharedDemo();
  expect(shared.code, shared.stderr).toBe(0);
  const d = JSON.parse(shared.stdout) as unknown;
  expect(schema('demo')(d), ajv.errorsText(schema('demo').errors)).toBe(true);
  expect(d).toMatchObject({ ok: true, dir: shared.dir });
  demo = demoCopy();
}, 240_000);

describe('the lifecycle commands in the demo workspace', () => {
  it('phase-start, --approve, lab (list, show, --peeked, --run), derive, report --draft, next, class', async () => {
    expect((await validIn<{ opened: boolean }>('phase-start', ['phase-start', '01'], demo)).opened).toBe(true);
    commitAll(demo, 'phase 01 plan');
    expect(
      (await validIn<{ approved_now: boolean }>('phase-approve', ['phase-start', '01', '--approve'], demo))
        .approved_now,
    ).toBe(true);
    expect((await validIn<{ lab?: unknown }>('lab', ['lab', '01'], demo)).lab).toBeUndefined();
    expect((await validIn<{ lab?: { id: string } }>('lab', ['lab', '01', '00'], demo)).lab?.id).toBe('00');
    await validIn('lab-peeked', ['lab', '01', '00', '--peeked'], demo);
    expect(valid<{ outcome: string }>('lab-run', ['lab', '01', '00', '--run', '--only', '8'], demo).outcome).toBe(
      'passed',
    );
    await validIn('derive', ['derive', 'softmax gradient'], demo);
    await validIn('report-draft', ['report', '01', '--draft'], demo);
    expect((await validIn<{ actions: unknown[] }>('next', ['next'], demo)).actions.length).toBeGreaterThan(0);
    await validIn('class', ['class'], demo);
    await validIn('claude-install', ['claude', 'install'], demo);
    valid('claude-stop-hook', ['claude', 'stop-hook'], demo, 0, '{"session_id":"s-1"}');
  });

  it('the error envelope of each (exit 2)', async () => {
    await validIn('error', ['phase-start', '77'], demo, 2);
    await validIn('error', ['lab', '01', '99'], demo, 2);
    valid('error', ['lab', '00', '00', '--run'], demo, 2); // phase 00 is closed
    await validIn('error', ['derive', 'x', '--phase', '99'], demo, 2);
    await validIn('error', ['report', '77', '--draft'], demo, 2);
    await validIn('error', ['next'], gitRepo(), 2);
    await validIn('error', ['class'], gitRepo(), 2);
    valid('error', ['demo', '--dir', demo], tempDir(), 2); // not empty
    valid('error', ['journal'], demo, 2); // no TEXT under --json: $EDITOR is never opened
  });
});

describe('quiz --answers and review', () => {
  it('a graded attempt (below the threshold: exit 1), the review queue, a graded card, and their errors', async () => {
    const dir = workspace('ana');
    const q = valid<{ passed: boolean; items: unknown[] }>(
      'quiz-result',
      ['quiz', '00', '--answers', '-', '--partial'],
      dir,
      1,
      '{q-00-01: 0}',
    );
    expect(q.passed).toBe(false);
    await validIn('error', ['quiz', '00', '--answers', 'no-such-answers.yaml'], dir, 2);
    const day = utcDay(new Date());
    write(
      dir,
      'learners/ana/reviews.jsonl',
      `${JSON.stringify({ v: 1, kind: 'add', at: `${addDays(day, -5)}T09:00:00.000Z`, card: 'q-00-04', phase: 0, from: 'quiz', attempt_at: `${addDays(day, -5)}T09:00:00.000Z` })}` +
        `\n`,
    );
    expect((await validIn<{ cards: { id: string }[] }>('review', ['review'], dir)).cards.map((c) => c.id)).toContain(
      'q-00-04',
    );
    expect(
      (await validIn<{ graded: { id: string }[] }>('review', ['review', '--grade', 'q-00-04=good'], dir)).graded[0]?.id,
    ).toBe('q-00-04');
    await validIn('error', ['review', '--limit', '0'], dir, 2);
    await validIn('error', ['review', '--grade', 'q-00-04=meh'], dir, 2);
  });
});

describe('break, every step', () => {
  it('show, start, observe, hint, diagnose, reveal, restore, status — and a bad step', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    const steps: [string[], string][] = [
      [['break', '00'], 'show'],
      [['break', '00', 'start'], 'start'],
      [['break', '00', 'observe'], 'observe'],
      [['break', '00', 'hint'], 'hint'],
      [['break', '00', 'diagnose', 'the random module is not seeded'], 'diagnose'],
      [['break', '00', 'reveal'], 'reveal'],
      [['break', 'status'], 'status'],
      [['break', '00', 'restore'], 'restore'],
    ];
    for (const [args, step] of steps) expect((await validIn<{ step: string }>('break', args, dir)).step).toBe(step);
    await validIn('error', ['break', '00', 'shatter'], dir, 2);
    await validIn('error', ['break', '00', 'restore', '--manual'], dir, 2);
  });

  it('guided mode: confirm', async () => {
    const dir = breakWorkspace();
    const seeding = 'src/utils/seeding.py';
    const mine = git(dir, 'show', `HEAD:${seeding}`).replace(
      '    os.environ["PYTHONHASHSEED"] = str(seed)\n',
      '    os.environ.setdefault("PYTHONHASHSEED", str(seed))\n',
    );
    write(dir, seeding, mine);
    commitAll(dir, 'my own way of setting the seed');
    await commitPredictions(dir);
    expect((await validIn<{ step: string }>('break', ['break', '00', 'start'], dir)).step).toBe('start');
    write(
      dir,
      seeding,
      mine.replace(
        '    os.environ.setdefault("PYTHONHASHSEED", str(seed))\n',
        '    pass  # seed line removed for the break\n',
      ),
    );
    expect((await validIn<{ step: string }>('break', ['break', '00', 'confirm'], dir)).step).toBe('confirm');
  });
});

describe('manifest diff, validate --breaks WORKSPACE, validate --checks, validate --breaks', () => {
  it('manifest diff: drift (exit 1), none (exit 0), an unreadable file (the error envelope)', async () => {
    const dir = tempDir();
    const a = { git_sha: 'a1b2c3d', git_dirty: false, seed: 42, versions: { numpy: '2.0.1' } };
    write(dir, 'a.json', JSON.stringify(a));
    write(dir, 'b.json', JSON.stringify({ ...a, versions: { numpy: '2.0.2' } }));
    expect(
      (await validIn<{ drift: boolean }>('manifest-diff', ['manifest', 'diff', 'a.json', 'b.json'], dir, 1)).drift,
    ).toBe(true);
    expect(
      (await validIn<{ drift: boolean }>('manifest-diff', ['manifest', 'diff', 'a.json', 'a.json'], dir)).drift,
    ).toBe(false);
    await validIn('error', ['manifest', 'diff', 'a.json', 'gone.json'], dir, 2);
  });

  it('validate --breaks WORKSPACE and validate --checks', async () => {
    const dir = breakWorkspace();
    expect(
      (await validIn<{ checked: number }>('validate-breaks', ['validate', '--breaks', dir], dir)).checked,
    ).toBeGreaterThan(0);
    await validIn('error', ['validate', '--breaks', 'no/such/dir'], dir, 2);
    await validIn('validate-report', ['validate', '--checks'], dir);
  }, 180_000);

  it(
    "validate --breaks alone (the self-test): the json reporter's output for two phases (the CLI runs all 42, a " +
      'minute)',
    async () => {
      const out = JSON.parse(json('break-self-test', await selfTestBreaks({ phases: [0, 8] }))) as unknown;
      expect(schema('validate-self-test')(out)).toBe(true);
      expect(schema('validate-self-test')({ ...(out as object), mode: 'dry-run' })).toBe(false);
    },
    120_000,
  );
});

describe('the new schemas reject what is not the shape', () => {
  it('a missing required field, an unknown field, a wrong type', () => {
    expect(schema('phase-start')({ schema_version: 1, phase: 1 })).toBe(false);
    expect(schema('derive')({ schema_version: 1, phase: 1, topic: 't', path: 'p', extra: true })).toBe(false);
    expect(schema('break')({ schema_version: 1, step: 'explode' })).toBe(false);
    expect(
      schema('review')({
        schema_version: 1,
        graded: [{ id: 'q', grade: 'meh', due: '2026-01-01', interval: 1, ease: 2.5 }],
      }),
    ).toBe(false);
    expect(schema('quiz-result')({})).toBe(false);
    expect(schema('lab-run')({ schema_version: 1, phase: '01' })).toBe(false);
  });
});
