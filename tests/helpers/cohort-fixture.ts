/**
 * A cohort workspace for the issue-17 tests: five learners in one repository (lynx.yaml
 * `layout: cohort`), a one-phase curriculum of their own, and `work` doing what a learner does
 * through phase 00 under learners/<name>/ (plan, checkpoint, ticked checklist, report, a passed
 * quiz attempt, a committed manifest).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { bankSha256, chainLine, sha256 } from '../../src/core/attempts.js';
import { git, gitRepo, lynx, runCopyOf, write } from './cli.js';
import { commitAll } from './gate-fixture.js';

const PHASE = `schema_version: 1
id: 0
slug: mini
title: Mini phase
requires: []
teaches: [testing]
goal: several learners, one repository.
read_order: [{ path: lab/00-check.md }]
labs:
  - id: "00"
    title: Check lab
    file: lab/00-check.md
    estimated_time: 10 min
    estimated_minutes: 10
    checklist: [{ block: setup, items: [one, two] }]
dod:
  - { id: run-loss, text: The run's loss is below 0.5., check: { kind: manifest, path: "experiments/00-*/manifest.json", assert: ["metrics.final_loss < 0.5"] } }
  - { id: checklist, text: The lab checklist is ticked., check: { kind: checklist, path: "{docs}/lab/00-check.md" } }
  - { id: reflection, text: A reflection of 20 words., check: { kind: written, path: "PHASE_00_REPORT.md", min_words: 5 } }
breaks: []
quiz: { file: phase-00-mini.yaml, threshold: 0.7 }
`;
const QUIZ =
  'phase: 0\nslug: mini\ntitle_en: Mini quiz\nitems:\n  - { id: q-00-01, answer_type: mcq, prompt_en: "1 + 1?", ' +
  'choices: ["1", "2"], correct: 1, tags: [arith] }\n';
const PLAN =
  '# Phase 00 plan\n\n## §6 Definition of Done\n\n- every item\n\n## §7 Open questions\n\n- [x] none left\n\n## ' +
  '§8 Revisions log\n\n| date | change |\n|---|---|\n';
export const LEARNERS = ['ana', 'ben', 'cyd', 'dee', 'eve'];

/** A copy of the five-learner repository, built once per run (./cli.ts runCopyOf). */
export function cohort(): string {
  return runCopyOf('cohort', buildCohort);
}

function buildCohort(): string {
  const dir = gitRepo();
  expect(lynx(['init', '--learner', 'ana'], { cwd: dir }).code).toBe(0);
  writeFileSync(
    join(dir, 'lynx.yaml'),
    'schema_version: 1\nlayout: cohort\ncurriculum: data/curriculum\nquizzes: data/quizzes\n',
  );
  write(dir, 'data/curriculum/phase-00-mini/phase.yaml', PHASE);
  write(dir, 'data/quizzes/phase-00-mini.yaml', QUIZ);
  // the shared docs page, unticked: in a cohort nobody's gate may pass because of it
  write(dir, 'docs/phase-00-mini/lab/00-check.md', '# lab\n\n- [ ] one\n- [ ] two\n');
  for (const l of LEARNERS) write(dir, `learners/${l}/README.md`, `${l}\n`);
  commitAll(dir, 'five learners');
  return dir;
}

/** What a learner does through phase 00, all under learners/<name>/ (the test writes what the lab would). */
export function work(dir: string, l: string, opts: { dirty?: boolean; ticked?: boolean } = {}): void {
  write(dir, `learners/${l}/PHASE_00_PLAN.md`, PLAN);
  write(
    dir,
    `learners/${l}/phase-00/checkpoint.json`,
    JSON.stringify(
      {
        schema_version: 1,
        phase: 0,
        learner: l,
        status: 'in_progress',
        planned_at: '2026-11-19T09:00:00.000Z',
        approved_at: '2026-11-19T10:00:00.000Z',
        plan_sha256: sha256(PLAN),
      },
      null,
      2,
    ),
  );
  const box = opts.ticked === false ? ' ' : 'x';
  write(dir, `learners/${l}/phase-00/lab/00-check.md`, `# lab\n\n- [${box}] one\n- [${box}] two\n`);
  write(
    dir,
    `learners/${l}/PHASE_00_REPORT.md`,
    `# Phase 00 report\n\n${l} learned that each learner's files are their own in this repository.\n`,
  );
  // a passed quiz attempt, chained as the quiz command records it (the bank exactly as lynx loads it)
  const bank = {
    phase: 0,
    slug: 'mini',
    title_en: 'Mini quiz',
    items: [
      { id: 'q-00-01', answer_type: 'mcq', prompt_en: '1 + 1?', choices: ['1', '2'], correct: 1, tags: ['arith'] },
    ],
  };
  write(
    dir,
    `learners/${l}/phase-00/quiz-attempts.jsonl`,
    `${chainLine({ v: 1, at: '2026-11-20T10:00:00.000Z', phase: 0, learner: l, bank_sha256: bankSha256(bank), mode: 'answers-file', answers: [{ id: 'q-00-01', answer: 1, verdict: 'correct', points: 1 }], score: 1, threshold: 0.7, passed: true }, undefined)}` +
      `\n`,
  );
  commitAll(dir, `${l}: phase 00 work`);
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  write(
    dir,
    `learners/${l}/experiments/00-run/manifest.json`,
    JSON.stringify({
      git_sha: head,
      git_dirty: opts.dirty === true,
      seed: 42,
      versions: { python: '3' },
      metrics: { final_loss: 0.1 },
    }),
  );
  commitAll(dir, `${l}: experiment`);
}
