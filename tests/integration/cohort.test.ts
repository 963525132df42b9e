/**
 * Several learners in one repository (issue 17): in a cohort (lynx.yaml `layout: cohort`) each
 * learner's plan, report, manifests and checklist live under learners/<name>/, so five learners
 * share a repository without one's files passing, failing or overwriting another's gate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankSha256, chainLine, sha256 } from '../../src/core/attempts.js';
import { cleanup, git, gitRepo, lynx, write } from '../helpers/cli.js';
import { commitAll } from '../helpers/gate-fixture.js';

afterAll(cleanup);

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
const QUIZ = 'phase: 0\nslug: mini\ntitle_en: Mini quiz\nitems:\n  - { id: q-00-01, answer_type: mcq, prompt_en: "1 + 1?", choices: ["1", "2"], correct: 1, tags: [arith] }\n';
const PLAN = '# Phase 00 plan\n\n## §6 Definition of Done\n\n- every item\n\n## §7 Open questions\n\n- [x] none left\n\n## §8 Revisions log\n\n| date | change |\n|---|---|\n';
const LEARNERS = ['ana', 'ben', 'cyd', 'dee', 'eve'];

function cohort(): string {
  const dir = gitRepo();
  expect(lynx(['init', '--learner', 'ana'], { cwd: dir }).code).toBe(0);
  writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\nlayout: cohort\ncurriculum: data/curriculum\nquizzes: data/quizzes\n');
  write(dir, 'data/curriculum/phase-00-mini/phase.yaml', PHASE);
  write(dir, 'data/quizzes/phase-00-mini.yaml', QUIZ);
  // the shared docs page, unticked: in a cohort nobody's gate may pass because of it
  write(dir, 'docs/phase-00-mini/lab/00-check.md', '# lab\n\n- [ ] one\n- [ ] two\n');
  for (const l of LEARNERS) write(dir, `learners/${l}/README.md`, `${l}\n`);
  commitAll(dir, 'five learners');
  return dir;
}

/** What a learner does through phase 00, all under learners/<name>/ (the test writes what the lab would). */
function work(dir: string, l: string, opts: { dirty?: boolean; ticked?: boolean } = {}): void {
  write(dir, `learners/${l}/PHASE_00_PLAN.md`, PLAN);
  write(dir, `learners/${l}/phase-00/checkpoint.json`, JSON.stringify({ schema_version: 1, phase: 0, learner: l, status: 'in_progress', planned_at: '2026-11-19T09:00:00.000Z', approved_at: '2026-11-19T10:00:00.000Z', plan_sha256: sha256(PLAN) }, null, 2));
  const box = opts.ticked === false ? ' ' : 'x';
  write(dir, `learners/${l}/phase-00/lab/00-check.md`, `# lab\n\n- [${box}] one\n- [${box}] two\n`);
  write(dir, `learners/${l}/PHASE_00_REPORT.md`, `# Phase 00 report\n\n${l} learned that each learner's files are their own in this repository.\n`);
  // a passed quiz attempt, chained as the quiz command records it (the bank exactly as lynx loads it)
  const bank = { phase: 0, slug: 'mini', title_en: 'Mini quiz', items: [{ id: 'q-00-01', answer_type: 'mcq', prompt_en: '1 + 1?', choices: ['1', '2'], correct: 1, tags: ['arith'] }] };
  write(dir, `learners/${l}/phase-00/quiz-attempts.jsonl`, `${chainLine({ v: 1, at: '2026-11-20T10:00:00.000Z', phase: 0, learner: l, bank_sha256: bankSha256(bank), mode: 'answers-file', answers: [{ id: 'q-00-01', answer: 1, verdict: 'correct', points: 1 }], score: 1, threshold: 0.7, passed: true }, undefined)}\n`);
  commitAll(dir, `${l}: phase 00 work`);
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  write(dir, `learners/${l}/experiments/00-run/manifest.json`, JSON.stringify({ git_sha: head, git_dirty: opts.dirty === true, seed: 42, versions: { python: '3' }, metrics: { final_loss: 0.1 } }));
  commitAll(dir, `${l}: experiment`);
}

describe('cohort layout', () => {
  it('five learners: three close phase 00 with their own files, every gate passes; a dirty manifest fails only its learner', () => {
    const dir = cohort();
    for (const l of ['ana', 'ben', 'cyd']) {
      work(dir, l);
      const r = lynx(['--learner', l, 'report', '00'], { cwd: dir });
      expect(r.code, `${l}: ${r.stdout}${r.stderr}`).toBe(0);
      commitAll(dir, `${l}: close 00`);
    }
    // each report is its learner's own file: nothing at the root, no one's overwritten
    expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(false);
    for (const l of ['ana', 'ben', 'cyd']) expect(readFileSync(join(dir, `learners/${l}/PHASE_00_REPORT.md`), 'utf8')).toContain(`${l} learned`);
    // dee commits a dirty manifest and leaves the checklist open
    work(dir, 'dee', { dirty: true, ticked: false });
    for (const l of ['ana', 'ben', 'cyd']) {
      const g = lynx(['--learner', l, 'gate', '00'], { cwd: dir });
      expect(g.code, `${l}: ${g.stdout}${g.stderr}`).toBe(0);
    }
    const d = lynx(['--learner', 'dee', 'report', '00', '--json'], { cwd: dir });
    expect(d.code).not.toBe(0);
    const checks = (JSON.parse(d.stdout) as { gate?: { checks: { id: string; status: string; message: string }[] }; checks?: { id: string; status: string; message: string }[] });
    const list = checks.gate?.checks ?? checks.checks ?? [];
    expect(list.find((c) => c.id === 'run-loss')?.status).toBe('fail');
    expect(list.find((c) => c.id === 'checklist')?.status).toBe('fail');
    expect(list.find((c) => c.id === 'run-loss')?.message).toContain('learners/dee/');
  }, 120_000);

  it('in a single-learner workspace the same root paths are shared (the layout is the only difference)', () => {
    const dir = cohort();
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\ncurriculum: data/curriculum\nquizzes: data/quizzes\n');
    commitAll(dir, 'single layout');
    work(dir, 'ana');
    // the plan is read from the root in a single-learner workspace: ana's plan under learners/ is not it
    const r = lynx(['--learner', 'ana', 'report', '00'], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/✗ gate:plan/);
    expect(r.stdout).toMatch(/✗ checklist/); // the shared docs page, unticked, is ana's checklist here
  }, 60_000);
});
