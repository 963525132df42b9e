/**
 * Demo steps of the quiz area: take phase 00's quiz with an answer file — one answer wrong, so a
 * review card appears — pass the 70 % threshold, commit the record, and look at the review deck.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as git from '../../io/git.js';
import type { DemoStepDef } from './types.js';

/** What a learner would write: 0-based choice indices, and free answers in their own words. q-00-04 is wrong on purpose. */
const ANSWERS = `# lynx quiz 00 --answers: question id → answer
q-00-01: 1            # the lockfile pins a resolution and its hash
q-00-02: [0, 2, 4]    # BLAS reduction order, TF32, string hash randomisation
q-00-03: "The random seed, the git sha of the commit that ran, and the resolved library versions from the lockfile."
q-00-04: 0            # wrong: a dirty tree does not confuse uv
q-00-05: "The editor is cheapest and production the most expensive; pre-commit runs locally before every push, so a defect costs seconds instead of a CI round trip."
`;

const FILE = '.lynx/demo/quiz-00-answers.yaml';

export const steps: DemoStepDef[] = [
  {
    title: 'take the phase 00 quiz from an answer file (one answer wrong)',
    command: `lynx quiz 00 --answers ${FILE}`,
    run: async (env) => {
      mkdirSync(join(env.dir, '.lynx', 'demo'), { recursive: true });
      writeFileSync(join(env.dir, FILE), ANSWERS);
      const [{ quizAnswers }, { renderQuizResult }, { theme }] = await Promise.all([import('../../app/quiz-answers.js'), import('../../ui/quiz-result-view.js'), import('../../ui/theme.js')]);
      const r = await quizAnswers({ cwd: env.dir, learner: env.learner, phase: 0, answers: FILE });
      await git.addAll(env.dir);
      await git.commit(env.dir, `quiz 00: ${Math.round(r.score * 100)}% (attempt log, checkpoint, review card)`);
      const oneCard = r.review.added.length === 1 && r.review.added[0] === 'q-00-04';
      return { ok: r.passed && oneCard, output: renderQuizResult(r, theme()) };
    },
  },
  {
    title: 'the wrong answer is now a review card, due tomorrow',
    command: 'lynx review --json',
    run: async (env) => {
      const { reviewQueue } = await import('../../app/review.js');
      const q = await reviewQueue({ cwd: env.dir, learner: env.learner });
      return { ok: q.deck_size === 1 && q.cards.length === 0 && q.next_review !== null, output: `review deck: ${q.deck_size} card; due today: ${q.due_total}; next review: ${q.next_review ?? 'none'} (SM-2, UTC days)` };
    },
  },
];
