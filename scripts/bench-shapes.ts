/**
 * Generated workspaces for `npm run bench` (scripts/bench.ts): each starts from `lynx init` in a
 * fresh git repository under the OS temp dir and adds one kind of work at a chosen size. The shapes
 * are the ones issue 20 measured; BENCHMARKS.md says how each is made (keep the two in step).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
export const bin = join(root, 'bin', 'lynx.js');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const nn = (p: number): string => String(p).padStart(2, '0');
const AT = '2026-05-23T10:00:00Z';

function sh(dir: string, cmd: string, a: string[]): string {
  const r = spawnSync(cmd, a, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${a.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const commit = (dir: string, msg: string): string => {
  sh(dir, 'git', ['add', '-A']);
  sh(dir, 'git', ['commit', '-q', '-m', msg]);
  return sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
};

/**
 * The repository as a learner's is between two runs: git's index written after the files' last change. A tree
 * written and committed within one second leaves every entry "racily clean" (its mtime is not older than the
 * index), and each `git status` then re-reads all of them until some git command rewrites the index a second
 * later — 90 ms instead of 45 over 5,000 manifests, the generator's artefact, not the work's. So: two seconds on
 * (lynx's derived caches, like git, keep nothing changed within 2 s of a run: io/doc-cache.ts RACY_MS), then one
 * `git status`, as the learner's next git command would.
 */
export function settle(dir: string): string {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
  sh(dir, 'git', ['status', '--porcelain']);
  return dir;
}

/** A git repository initialised by `lynx init --learner demo`, committed. */
export function fresh(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lynx-bench-')), 'ws');
  mkdirSync(dir);
  sh(dir, 'git', ['init', '-q']);
  sh(dir, 'git', ['config', 'user.email', 'bench@lynx.invalid']);
  sh(dir, 'git', ['config', 'user.name', 'bench']);
  sh(dir, process.execPath, [bin, 'init', '--learner', 'demo']);
  commit(dir, 'workspace');
  return dir;
}

const writeCp = (dir: string, learner: string, phase: number, cp: Record<string, unknown>): void => {
  const d = join(dir, 'learners', learner, `phase-${nn(phase)}`);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'checkpoint.json'), JSON.stringify({ schema_version: 1, phase, learner, ...cp }, null, 2));
};

/** `count` committed manifests of phase 00 itself (experiments/00-run-N/manifest.json), phase 00 in progress. */
export function manifests(count: number): string {
  const dir = fresh();
  const sha = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
  for (let i = 0; i < count; i++) {
    const d = join(dir, 'experiments', `00-run-${i}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(
      join(d, 'manifest.json'),
      JSON.stringify({
        id: `00-run-${i}`,
        git_sha: sha,
        git_dirty: false,
        seed: i,
        versions: { python: '3.11.7' },
        metrics: { final_loss: 0.1 },
      }),
    );
  }
  writeCp(dir, 'demo', 0, { status: 'in_progress', planned_at: AT });
  commit(dir, `bench: ${count} manifests of phase 00`);
  return dir;
}

/**
 * Phases 00..count-1 closed for learner demo with every DoD item waived: a report whose sha256 the
 * checkpoint records, head_sha a commit in history, the curriculum's sha256. What `gate --all` then
 * verifies is closure plus the static and ritual checks, per phase.
 */
export function closedPhases(count: number): string {
  const dir = fresh();
  const head = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
  const index = JSON.parse(readFileSync(join(root, 'dist', 'data', 'index.json'), 'utf8')) as {
    id: number;
    sha256: string;
  }[];
  for (let p = 0; p < count; p++) {
    const phase = JSON.parse(readFileSync(join(root, 'dist', 'data', 'phases', `phase-${nn(p)}.json`), 'utf8')) as {
      dod: { id: string }[];
    };
    const report = `# Phase ${nn(p)} report\n\nbench\n`;
    writeFileSync(join(dir, `PHASE_${nn(p)}_REPORT.md`), report);
    writeCp(dir, 'demo', p, {
      status: 'done',
      planned_at: AT,
      closed_at: AT,
      head_sha: head,
      report_sha256: sha256(report),
      curriculum_sha256: index.find((x) => x.id === p)?.sha256,
      waivers: phase.dod.map((d) => ({ item: d.id, at: AT, by: 'bench', reason: 'bench: waived' })),
    });
  }
  commit(dir, `bench: ${count} closed phases`);
  return dir;
}

/** `count` learners (learners/<name>/phase-NN/checkpoint.json for all 42 phases, a mix of states). */
export function learners(count: number): string {
  const dir = fresh();
  for (let l = 0; l < count; l++) {
    for (let p = 0; p < 42; p++) {
      const status = p < l % 42 ? 'done' : p === l % 42 ? 'in_progress' : undefined;
      if (status)
        writeCp(dir, `learner-${l}`, p, { status, planned_at: AT, ...(status === 'done' ? { closed_at: AT } : {}) });
    }
    mkdirSync(join(dir, 'learners', `learner-${l}`), { recursive: true });
  }
  commit(dir, `bench: ${count} learners`);
  return dir;
}

/** learners/demo/reviews.jsonl with `count` events: one card per 50 events, the rest grades, one a day. */
export function reviewEvents(count: number): string {
  const dir = fresh();
  const lines: string[] = [];
  const cards = Math.max(1, Math.floor(count / 50));
  const day = (n: number): string => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();
  const state = { ease: 2.5, interval: 1, reps: 0, due: '2020-01-02' };
  for (let c = 0; c < cards; c++)
    lines.push(
      JSON.stringify({ v: 1, kind: 'add', at: day(0), card: `q${c}`, phase: c % 42, from: 'quiz', attempt_at: day(0) }),
    );
  for (let i = cards; i < count; i++) {
    const grade = i % 3 === 0 ? 'again' : 'good';
    lines.push(
      JSON.stringify({
        v: 1,
        kind: 'grade',
        at: day(Math.floor(i / cards)),
        card: `q${i % cards}`,
        phase: (i % cards) % 42,
        grade,
        quality: grade === 'again' ? 0 : 4,
        before: state,
        after: state,
      }),
    );
  }
  writeFileSync(join(dir, 'learners', 'demo', 'reviews.jsonl'), `${lines.join('\n')}\n`);
  commit(dir, `bench: ${count} review events`);
  return dir;
}

/** learners/demo/phase-00/quiz-attempts.jsonl: `lines` hash-chained records, committed over `commits` commits. */
export function attemptHistory(lines: number, commits: number): string {
  const dir = fresh();
  const file = join(dir, 'learners', 'demo', 'phase-00', 'quiz-attempts.jsonl');
  mkdirSync(join(dir, 'learners', 'demo', 'phase-00'), { recursive: true });
  writeCp(dir, 'demo', 0, { status: 'in_progress', planned_at: AT });
  let prev = '0'.repeat(64);
  const per = Math.ceil(lines / commits);
  for (let i = 0; i < lines; i++) {
    const line = JSON.stringify({
      v: 1,
      at: AT,
      phase: 0,
      learner: 'demo',
      bank_sha256: '0'.repeat(64),
      mode: 'answers-file',
      answers: [{ id: 'q1', answer: 'a', verdict: 'correct', points: 1 }],
      score: 1,
      threshold: 0.7,
      passed: true,
      prev,
    });
    appendFileSync(file, `${line}\n`);
    prev = sha256(line);
    if ((i + 1) % per === 0 || i === lines - 1) commit(dir, `bench: attempts to ${i + 1}`);
  }
  return dir;
}
