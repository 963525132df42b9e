/**
 * Interruptions heal on the next command, with real kills (LYNX_TEST_KILL_AT SIGKILLs lynx at a named
 * point, no cleanup runs): a report killed between its report and its checkpoint is recognised as
 * lynx's own orphan and rewritten; a quiz killed between its append and its checkpoint write is a
 * note (the checkpoint is a cache), never "the log was edited"; a lock with an empty or missing
 * owner is stale at once. And validate first, write after: a quiz that will exit 2 writes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { passingWorkspace } from '../helpers/gate-fixture.js';

afterAll(cleanup);

const sha = (dir: string, rel: string): string | undefined =>
  existsSync(join(dir, rel))
    ? createHash('sha256')
        .update(readFileSync(join(dir, rel)))
        .digest('hex')
    : undefined;
const PHASE00 =
  'q-00-01: 1\nq-00-02: [0, 2, 4]\nq-00-03: "The random seed, the git sha of the commit and the resolved ' +
  'library versions."\nq-00-04: 0\nq-00-05: "The editor is cheapest and production most expensive; pre-commit ' +
  'runs locally before every push, seconds instead of waiting minutes for CI."\n';
const CP = 'learners/ana/phase-00/checkpoint.json';
const LOG = 'learners/ana/phase-00/quiz-attempts.jsonl';
const REVIEWS = 'learners/ana/reviews.jsonl';

describe('a report killed mid-close heals on the next lynx report', () => {
  it(
    'killed after PHASE_00_REPORT.md, before the checkpoint: ' + "recognised as lynx's own, rewritten, phase closed",
    async () => {
      const dir = passingWorkspace();
      const killed = lynx(['report', '00'], { cwd: dir, env: { LYNX_TEST_KILL_AT: 'report:written' } });
      expect(killed.code).toBeNull(); // SIGKILLed at the point
      expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(true);
      expect((JSON.parse(readFileSync(join(dir, CP), 'utf8')) as { status: string }).status).toBe('in_progress');
      const again = await lynxIn(['report', '00'], { cwd: dir });
      expect(again.stdout).not.toContain('uncommitted path');
      expect(again.code, again.stdout + again.stderr).toBe(0);
      expect(again.stdout).toContain("PHASE_00_REPORT.md was lynx's own report from an interrupted `lynx report`");
      const cp = JSON.parse(readFileSync(join(dir, CP), 'utf8')) as { status: string; report_sha256: string };
      expect(cp.status).toBe('done');
      expect(sha(dir, 'PHASE_00_REPORT.md')).toBe(cp.report_sha256);
    },
    60_000,
  );

  it('an orphan the learner then edited is theirs: it is dirty like any other file', async () => {
    const dir = passingWorkspace();
    expect(lynx(['report', '00'], { cwd: dir, env: { LYNX_TEST_KILL_AT: 'report:written' } }).code).toBeNull();
    writeFileSync(
      join(dir, 'PHASE_00_REPORT.md'),
      `${readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8')}\nmy own words\n`,
    );
    const again = await lynxIn(['report', '00'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('1 uncommitted path(s): PHASE_00_REPORT.md');
    expect(again.stdout).not.toContain("lynx's own report");
  }, 60_000);
});

describe('a quiz killed between its append and its checkpoint write', () => {
  it('is a note (the checkpoint summary was behind the log), not tampering; the next attempt resyncs it', async () => {
    const dir = workspace('ana');
    write(dir, 'a.yaml', PHASE00);
    expect((await lynxIn(['quiz', '00', '--answers', 'a.yaml'], { cwd: dir })).code).toBe(0);
    const cpBefore = readFileSync(join(dir, CP), 'utf8');
    expect(
      lynx(['quiz', '00', '--answers', 'a.yaml'], { cwd: dir, env: { LYNX_TEST_KILL_AT: 'quiz:appended' } }).code,
    ).toBeNull();
    expect(readFileSync(join(dir, LOG), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, CP), 'utf8')).toBe(cpBefore); // the checkpoint never got its write
    const check = await lynxIn(['checkpoint', '00', '--json'], { cwd: dir });
    const quiz = (
      JSON.parse(check.stdout) as { checks: { id: string; status: string; message: string }[] }
    ).checks.find((c) => c.id === 'gate:quiz');
    expect(quiz?.status).toBe('pass');
    expect(quiz?.message).toContain('behind the log');
    expect(check.stdout).not.toContain('edited or truncated');
    // the next recorded attempt re-derives the summary from the whole log and anchors it again
    expect((await lynxIn(['quiz', '00', '--answers', 'a.yaml'], { cwd: dir })).code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, CP), 'utf8')) as { quiz: { attempts: number } }).quiz.attempts).toBe(3);
    const healed = JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as {
      checks: { id: string; message: string }[];
    };
    expect(healed.checks.find((c) => c.id === 'gate:quiz')?.message).not.toContain('behind the log');
  }, 60_000);
});

describe('validate first, write after: lynx quiz --answers that exits 2 writes nothing', () => {
  const cases: [string, string, string][] = [
    ['a null line in reviews.jsonl', REVIEWS, 'null\n'],
    ['a review event with "at": 5', REVIEWS, '{"at":5}\n'],
    ['invalid UTF-8 in reviews.jsonl', REVIEWS, '\xff\n'],
    ['a corrupt checkpoint.json', CP, '{\n'],
    [
      'a checkpoint.json against its schema',
      CP,
      '{"schema_version":1,"phase":0,"learner":"ana","status":"in_progress","quiz":{"bogus":1}}\n',
    ],
    ['a null line in the attempt log', LOG, 'null\n'],
  ];
  for (const [what, rel, content] of cases) {
    it(
      what,
      async () => {
        const dir = workspace('ana');
        write(dir, 'a.yaml', PHASE00);
        mkdirSync(join(dir, 'learners/ana/phase-00'), { recursive: true });
        writeFileSync(join(dir, rel), content === '\xff\n' ? Buffer.from([0xff, 0x0a]) : content);
        const before = [CP, LOG, REVIEWS].map((f) => sha(dir, f));
        const r = await lynxIn(['quiz', '00', '--answers', 'a.yaml'], { cwd: dir });
        expect(r.code, r.stdout + r.stderr).toBe(2);
        expect(r.stderr).toContain(rel);
        expect([CP, LOG, REVIEWS].map((f) => sha(dir, f))).toEqual(before);
        expect(git(dir, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort()).toEqual(
          ['?? a.yaml', `?? ${rel}`].sort(),
        );
      },
      30_000,
    );
  }
});

describe('a lock with an empty or missing owner is stale at once', () => {
  for (const [what, plant] of [
    [
      'an empty .lynx/lock.owner.json (legacy lock)',
      (d: string) => {
        mkdirSync(join(d, '.lynx', 'lock'), { recursive: true });
        writeFileSync(join(d, '.lynx', 'lock.owner.json'), '');
      },
    ],
    [
      'an empty .lynx/lock/owner.json',
      (d: string) => {
        mkdirSync(join(d, '.lynx', 'lock'), { recursive: true });
        writeFileSync(join(d, '.lynx', 'lock', 'owner.json'), '');
      },
    ],
    [
      'a lock directory with no owner at all',
      (d: string) => {
        mkdirSync(join(d, '.lynx', 'lock'), { recursive: true });
      },
    ],
  ] as const) {
    it(`${what}: the next writer takes it over with no wait`, async () => {
      const dir = workspace('ana');
      plant(dir);
      const t0 = Date.now();
      const r = await lynxIn(['init', '--learner', 'bo'], { cwd: dir }); // a writer that takes the lock
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(dir, 'learners', 'bo'))).toBe(true);
      expect(Date.now() - t0).toBeLessThan(10_000); // a 30 s wait would fail this; a normal run is well under
      expect(existsSync(join(dir, '.lynx', 'lock'))).toBe(false);
      expect(existsSync(join(dir, '.lynx', 'lock.owner.json'))).toBe(false);
    }, 30_000);
  }
});
