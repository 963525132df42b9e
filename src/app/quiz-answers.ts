/**
 * `lynx quiz NN --answers FILE|-`: grade an answer file without a terminal and record the attempt
 * exactly as the interactive quiz records it. Unknown ids, malformed answers and (without partial)
 * omitted questions are refused with file:line:col, and nothing is recorded.
 */
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { parseAnswers } from '../core/quiz/answers.js';
import type { Graded } from '../core/quiz/grade.js';
import type { QuizResult } from '../core/quiz/result.js';
import { attemptsFile } from '../core/attempts.js';
import { loadAnswersFile } from '../io/answers-file.js';
import { assertNoCooldown, setupQuiz, type QuizSetup } from './quiz-setup.js';
import { finishAttempt, gradeOne, practiceFile } from './quiz-finish.js';
async function readAnswers(setup: QuizSetup, file: string, cwd: string, partial: boolean): Promise<{ graded: Graded[]; ignored: string[] }> {
  const loaded = await loadAnswersFile(file, resolve(cwd, file));
  const parsed = parseAnswers(loaded.data, setup.bank.items);
  // an omitted item scores 0 and becomes a review card: say so unless the learner meant it
  const omitted = parsed.problems.length === 0 && !partial ? setup.items.filter((i) => !parsed.answers.has(i.id)).map((i) => i.id) : [];
  if (omitted.length > 0) {
    throw new InputError(`${loaded.file}: ${omitted.length} of the ${setup.items.length} questions have no answer: ${omitted.join(', ')}`, {
      pos: { file: loaded.file },
      hint: `Nothing was recorded. Answer them, or pass --partial to grade the file as it is (the missing ones count as wrong and become review cards).`,
    });
  }
  if (parsed.problems.length > 0) {
    const lines = parsed.problems.map((p) => {
      const pos = loaded.locate(p.pointer, true);
      return `${loaded.file}${pos ? `:${pos.line}:${pos.col}` : ''} ${p.message}`;
    });
    throw new InputError(lines[0] ?? 'bad answer file', { details: lines.slice(1), pos: { file: loaded.file }, hint: `Answers are {id: answer}: a 0-based choice index, a list of them, text, or a number (lynx quiz --help).` });
  }
  const graded: Graded[] = [];
  for (const item of setup.items) graded.push(await gradeOne(item, parsed.answers.get(item.id)));
  return { graded, ignored: parsed.ignored };
}

/** Grade an answer file and record the attempt. */
export async function quizAnswers(opts: { cwd: string; learner: string | undefined; phase: number; answers: string; now?: Date; partial?: boolean; practice?: boolean }): Promise<QuizResult> {
  const setup = await setupQuiz(opts);
  const now = opts.now ?? new Date();
  assertNoCooldown(setup, now);
  const started = performance.now();
  const { graded, ignored } = await readAnswers(setup, opts.answers, opts.cwd, opts.partial === true);
  const f = await finishAttempt(setup, graded, 'answers-file', now, performance.now() - started, now);
  const byId = new Map(setup.items.map((i) => [i.id, i]));
  return {
    schema_version: 1, phase: setup.phase.id, learner: setup.learner, mode: 'answers-file', bank_sha256: setup.bankSha,
    score: f.info.score, points: f.info.points, total: f.info.total, threshold: setup.threshold, passed: f.info.passed,
    items: graded.map((g) => ({ ...g, title: byId.get(g.id)?.title ?? '', answer_type: byId.get(g.id)?.answer_type ?? '' })),
    ignored,
    review: { added: f.info.added, already: f.info.already, next_review: f.info.nextReview ?? null },
    cooldown_until: f.info.cooldownUntil ?? null,
    revisit: f.info.revisit,
    warnings: [...setup.log.warnings, ...f.info.warnings],
    self_assessed: f.info.selfAssessed ?? [],
    attempt: { file: setup.practice ? practiceFile(setup.learner, setup.phase.id) : attemptsFile(setup.learner, setup.phase.id), number: f.attempt },
    practice: setup.practice,
  };
}
