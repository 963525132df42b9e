/**
 * A small real workspace whose own curriculum (lynx.yaml `curriculum:`) has one DoD item of every
 * check kind, so report/gate can be exercised end to end without any other area's command:
 * the recorded state (plan approval, quiz attempts, break) is written in the formats lynx reads.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chainLine, bankSha256, sha256 } from '../../src/core/attempts.js';
import { git, gitRepo, lynx, runCopyOf, withRunPython, write } from './cli.js';
import { findJust } from '../../src/io/tools.js';

/** A recipe run as the learner would, with the run's python3 first on PATH (as lynx gets it). */
export function just(dir: string, ...args: string[]): string {
  const env = { ...process.env, PATH: withRunPython(process.env.PATH) };
  return execFileSync(findJust()!.path, args, { cwd: dir, encoding: 'utf8', env });
}

export const PHASE_YAML = `schema_version: 1
id: 0
slug: mini
title: Mini phase
requires: []
teaches: [testing]
goal: exercise every check kind.
read_order: [{ path: lab/00-check.md }]
labs:
  - { id: "00", title: Check lab, file: lab/00-check.md, estimated_time: 10 min, estimated_minutes: 10 }
dod:
  - { id: design-note, text: A design note is committed., check: { kind: file, path: notes/design.md } }
  - { id: plots, text: Two plots are committed., check: { kind: glob, pattern: "plots/*.png", min: 2 } }
  - { id: run-loss, text: The run's loss is below 0.5., check: { kind: manifest, path: experiments/00-run/manifest.json, assert: ["metrics.final_loss < 0.5"] } }
  - { id: summary, text: Accuracy at least 0.9., check: { kind: json, path: results/summary.json, assert: ["accuracy >= 0.9"] } }
  - { id: tests, text: The tests pass., check: { kind: command, just: test } }
  - { id: checklist, text: The lab checklist is ticked., check: { kind: checklist, path: "{docs}/lab/00-check.md" } }
  - { id: quiz, text: "/quiz 00 ≥ 70%", check: { kind: quiz } }
  - { id: reflection, text: A reflection of 20 words., check: { kind: written, path: "learners/{learner}/phase-00/reflections.md", min_words: 20 } }
  - { id: functions, text: The module defines functions., check: { kind: grep, path: "src/*.py", pattern: "^def ", min: 1 } }
  - { id: order, text: Predictions committed before the solution., check: { kind: git-order, first: notes/predictions.md, then: notes/solution.md } }
  - { id: explain, text: Can explain the result., check: { kind: attest, prompt: Can explain the result. } }
  - { id: either, text: A README or a NOTES file., check: { kind: any, of: [{ kind: file, path: README.md }, { kind: file, path: NOTES.md }] } }
breaks:
  - id: off-by-one
    title: Off by one
    concept: boundaries
    targets: [{ path: src/calc.py, edit: { find: "    return a + b", replace: "    return a + b + 1" } }]
    observe: [{ text: just test, just: test, expect_exit: 1 }]
    hidden_cause: the sum is off by one
    hints: [look at add]
quiz: { file: phase-00-mini.yaml, threshold: 0.7 }
`;

/** Ten mcq items (key: choice 0), so a recorded attempt re-grades against the bank (issue 15). */
const QUIZ_ITEMS = Array.from({ length: 10 }, (_, i) => ({
  id: `q-00-${String(i + 1).padStart(2, '0')}`,
  answer_type: 'mcq',
  prompt_en: `Question ${i + 1}?`,
  choices: ['right', 'wrong'],
  correct: 0,
  tags: ['arith'],
}));

export const QUIZ_YAML = `phase: 0
slug: mini
title_en: Mini quiz
items:
${QUIZ_ITEMS.map((q) => `  - { id: ${q.id}, answer_type: mcq, prompt_en: "${q.prompt_en}", choices: [right, wrong], correct: 0, tags: [arith] }`).join('\n')}
`;

const PLAN =
  `# Phase 00 plan\n\n## §6 Definition of Done\n\n- every item\n\n## §7 Open questions\n\n- [x] none left\n\n## ` +
  `§8 Revisions log\n\n| date | change |\n|---|---|\n`;

export function commitAll(dir: string, msg: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', msg);
}

/** Append a chained quiz attempt, as the quiz command records it. */
export function recordAttempt(
  dir: string,
  score: number,
  at = '2026-11-20T10:00:00.000Z',
  extra: Record<string, unknown> = {},
  learner = 'ana',
): void {
  const file = join(dir, `learners/${learner}/phase-00/quiz-attempts.jsonl`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const last = text.trimEnd().split('\n').filter(Boolean).at(-1);
  const bank = JSON.parse(JSON.stringify(requireBank()));
  // ten answers whose verdicts add up to the score: the gate re-derives the score from them
  const right = Math.round(score * 10);
  const answers = QUIZ_ITEMS.map((q, i) => ({
    id: q.id,
    answer: i < right ? 0 : 1,
    verdict: i < right ? ('correct' as const) : ('wrong' as const),
    points: i < right ? 1 : 0,
  }));
  const line = chainLine(
    {
      v: 1,
      at,
      phase: 0,
      learner,
      bank_sha256: bankSha256(bank),
      mode: 'answers-file',
      answers,
      score,
      threshold: 0.7,
      passed: score >= 0.7,
      ...extra,
    },
    last,
  );
  writeFileSync(file, `${line}\n`, { flag: 'a' });
}

let bankCache: unknown;
function requireBank(): unknown {
  // the bank exactly as lynx loads it from YAML (yaml → object)
  bankCache ??= (() => {
    const items = QUIZ_ITEMS;
    return { phase: 0, slug: 'mini', title_en: 'Mini quiz', items };
  })();
  return bankCache;
}

/**
 * The break as \`lynx break 00 start/hint/diagnose/restore\` records it, after the predictions were committed
 * (the gate believes "restored" only with this trail): timed now, so after the fixture's commits.
 */
export function breakTrail(): Record<string, unknown> {
  const at = new Date().toISOString();
  return {
    id: 'off-by-one',
    state: 'restored',
    predicted_at: at,
    started_at: at,
    hints_used: 1,
    diagnosis: 'add returns one more than the sum',
    diagnosis_names_cause: true,
    diagnoses: [{ text: 'add returns one more than the sum', at, names_cause: true, hints_used: 1 }],
    diagnosed_at: at,
    restored_at: at,
  };
}

/** The predictions the break protocol asks for, committed before the break starts. */
export const PREDICTIONS =
  '# Break predictions — phase 00\n\n## Off by one (off-by-one)\n\n### What I predict will happen\n\nThe add ' +
  'test fails: 2 + 2 comes out as 5 and unittest reports the assertion.\n';

export function checkpointJson(dir: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const plan = PLAN;
  return {
    schema_version: 1,
    phase: 0,
    learner: 'ana',
    status: 'in_progress',
    planned_at: '2026-11-19T09:00:00.000Z',
    approved_at: '2026-11-19T10:00:00.000Z',
    plan_sha256: sha256(plan),
    break: breakTrail(),
    attestations: [{ item: 'explain', at: '2026-11-20T11:00:00.000Z', by: 'teacher-bo' }],
    ...extra,
  };
}

/** A workspace where phase 00 of the mini curriculum passes every check (a copy of one built per run). */
export function passingWorkspace(): string {
  return runCopyOf('passing', buildPassingWorkspace);
}

function buildPassingWorkspace(): string {
  const dir = gitRepo();
  if (lynx(['init', '--learner', 'ana'], { cwd: dir }).code !== 0) throw new Error('init failed');
  writeFileSync(
    join(dir, 'lynx.yaml'),
    'schema_version: 1\nlearner: ana\ncurriculum: data/curriculum\nquizzes: data/quizzes\n',
  );
  write(dir, 'data/curriculum/phase-00-mini/phase.yaml', PHASE_YAML);
  write(dir, 'data/quizzes/phase-00-mini.yaml', QUIZ_YAML);
  write(
    dir,
    'Justfile',
    'test:\n    python3 -m unittest discover -s tests -t . -q\n\nexp:\n    python3 scripts/exp.py\n',
  );
  // a learner's repo ignores bytecode; without this the gate's git-clean check only passed when the
  // ambient environment happened to set PYTHONDONTWRITEBYTECODE
  const ignore = existsSync(join(dir, '.gitignore')) ? readFileSync(join(dir, '.gitignore'), 'utf8') : '/.lynx\n';
  write(dir, '.gitignore', `${ignore}__pycache__/\n`);
  write(dir, 'src/__init__.py', '');
  write(dir, 'src/calc.py', 'def add(a: int, b: int) -> int:\n    return a + b\n');
  write(dir, 'tests/__init__.py', '');
  write(
    dir,
    'tests/test_calc.py',
    'import unittest\nfrom src.calc import add\n\n\nclass T(unittest.TestCase):\n    def test_add(self) -> ' +
      'None:\n        self.assertEqual(add(2, 2), 4)\n',
  );
  write(
    dir,
    'scripts/exp.py',
    [
      'import json, os, subprocess',
      'sha = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()',
      'dirty = subprocess.run(["git", "status", "--porcelain", "--", ".", ":(exclude)experiments"], ' +
        'capture_output=True, text=True, check=True).stdout != ""',
      'os.makedirs("experiments/00-run", exist_ok=True)',
      'json.dump({"git_sha": sha, "git_dirty": dirty, "seed": 42, "versions": {"python": "3"}, "metrics": ' +
        '{"final_loss": 0.1}}, open("experiments/00-run/manifest.json", "w"))',
    ].join('\n') + '\n',
  );
  write(dir, 'notes/design.md', '# design\n');
  write(dir, 'plots/a.png', 'png');
  write(dir, 'plots/b.png', 'png');
  write(dir, 'results/summary.json', '{"accuracy": 0.95}\n');
  write(
    dir,
    'docs/phase-00-mini/lab/00-check.md',
    '# lab\n\n- [x] one\n- [x] two\n\n```\n- [ ] not a task: inside a code block\n```\n',
  );
  write(
    dir,
    'learners/ana/phase-00/reflections.md',
    'This phase taught me that every check kind in the engine needs a real artefact behind it, and that the ' +
      'gate is only as honest as its evidence.\n',
  );
  write(dir, 'PHASE_00_PLAN.md', PLAN);
  write(dir, 'notes/predictions.md', 'I predict the sum will be off by one.\n');
  write(dir, 'learners/ana/phase-00/notes/breaks.md', PREDICTIONS);
  commitAll(dir, 'work');
  write(dir, 'notes/solution.md', 'solution\n');
  commitAll(dir, 'solution after predictions');
  just(dir, 'exp');
  write(dir, 'learners/ana/phase-00/checkpoint.json', JSON.stringify(checkpointJson(dir), null, 2));
  recordAttempt(dir, 1);
  commitAll(dir, 'exp run, plan approved, quiz taken, break restored');
  return dir;
}

/** The parts of a `gate --json` / `checkpoint --json` document the trust tests read. */
export interface GateCheck {
  id: string;
  status: string;
  message: string;
  evidence?: string[];
}
export interface GateJson {
  status: string;
  checks: GateCheck[];
  records?: Record<string, number>;
}
