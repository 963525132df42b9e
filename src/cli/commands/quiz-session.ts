/**
 * What both ways of taking a quiz share (interactive and --answers): loading the bank and the
 * learner's attempt log, refusing while a cooldown runs, grading (code items in the sandbox), and
 * recording a finished attempt — the chained log line, the checkpoint summary, the review cards.
 */
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { docsDir, askableItems } from '../../core/curriculum.js';
import { bankSha256, type AttemptRecord } from '../../core/attempts.js';
import { nn } from '../../core/ids.js';
import { gradeItem, scoreOf, type Given, type Graded, type QuizItem } from '../../core/quiz/grade.js';
import { buildRecord, cooldownUntil, DEFAULT_COOLDOWN_MINUTES, missedIds } from '../../core/quiz/outcome.js';
import { revisit, type Revisit } from '../../core/quiz/concepts.js';
import { utcDay } from '../../core/review/deck.js';
import type { Phase, QuizBank } from '../../schemas/generated/types.js';
import type { PhaseStatus } from '../../core/status.js';
import { notOpenReason } from '../../core/quiz/open.js';
import { readCheckpoint } from '../../io/checkpoint.js';
import { appendToLog } from '../../io/jsonl-append.js';
import { loadPhase, loadQuizBank } from '../../io/curriculum.js';
import { openWorkspace, resolveLearner, type Workspace } from '../../io/workspace.js';
import { readAttempts, type AttemptLog } from '../../io/quiz-store.js';
import { syncDeck } from '../../io/review-store.js';
import { withLock } from '../../io/lock.js';
import type { FinishInfo } from '../../ui/quiz/SummaryView.js';
import { cleanTitle } from '../../ui/quiz/format.js';

export interface QuizSetup {
  ws: Workspace;
  learner: string;
  phase: Phase;
  bank: QuizBank;
  bankSha: string;
  items: QuizItem[];
  threshold: number;
  log: AttemptLog;
  cooldownBase: number;
  feedback: 'each' | 'end';
  docs: string;
  /** Practice: recorded apart (quiz-practice.jsonl), no cooldown, no review cards, no checkpoint change. */
  practice: boolean;
}

/** A quiz for a phase not open yet is refused (exit 2) unless it is practice. */
function assertOpen(ws: Workspace, learner: string, phase: Phase): void {
  const status = (id: number): PhaseStatus => readCheckpoint(ws, learner, id)?.status ?? 'not_started';
  const reason = notOpenReason({ phase: phase.id, status: status(phase.id), requires: phase.requires.map((r) => ({ phase: r, status: status(r) })) });
  if (reason) {
    throw new UsageError(reason, {
      hint: `Nothing was recorded. Practise it apart from the record with \`lynx quiz ${nn(phase.id)} --practice\` (no cooldown, no review cards).`,
    });
  }
}

export async function setupQuiz(opts: { cwd: string; learner: string | undefined; phase: number; practice?: boolean }): Promise<QuizSetup> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  // a workspace's own quiz files are validated here: a bad one stops before the first question
  const phase = await loadPhase(ws, opts.phase);
  const bank = await loadQuizBank(ws, phase);
  if (!bank) throw new UsageError(`phase ${nn(opts.phase)} has no quiz`, { hint: 'Phase 41 is the only phase without one.' });
  const practice = opts.practice === true;
  if (!practice) assertOpen(ws, learner, phase);
  const log = readAttempts(ws, learner, phase.id);
  if (log.problems.length > 0) {
    throw new UsageError(`the attempt log is not intact: ${log.problems[0] ?? ''}`, {
      details: log.problems.slice(1),
      hint: 'quiz-attempts.jsonl is append-only and hash-chained; restore it from git (`git checkout -- <file>`) before taking the quiz again.',
    });
  }
  return {
    ws, learner, phase, bank, bankSha: bankSha256(bank), items: askableItems(bank), threshold: phase.quiz.threshold, log,
    cooldownBase: ws.config.quiz?.cooldown_minutes ?? DEFAULT_COOLDOWN_MINUTES,
    feedback: ws.config.quiz?.feedback ?? 'each',
    docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')),
    practice,
  };
}

/** The items missed in an attempt, with their concepts and theory pages. */
export function revisitFor(setup: QuizSetup, ids: readonly string[]): Revisit[] {
  return revisit(setup.phase, setup.items.filter((i) => ids.includes(i.id)), setup.docs);
}

/** No retake while the cooldown after a failed attempt runs: exit 2, with what to revisit meanwhile. */
export function assertNoCooldown(setup: QuizSetup, now: Date): void {
  if (setup.practice) return;
  const until = cooldownUntil(setup.log.records, setup.cooldownBase);
  if (!until || until <= now) return;
  const last = setup.log.records[setup.log.records.length - 1];
  const mins = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  const fails = setup.log.records.length - setup.log.records.map((r) => r.passed).lastIndexOf(true) - 1;
  throw new UsageError(`the phase ${nn(setup.phase.id)} quiz can be retaken at ${until.toISOString().slice(11, 16)} UTC (in ${mins} min), after ${fails} failed attempt${fails === 1 ? '' : 's'} in a row`, {
    details: last ? revisitFor(setup, missedIds(last)).map((r) => `revisit ${r.id}: ${r.concepts.join(', ')} → ${r.page}`) : [],
    hint: 'The wait grows with each failed attempt (lynx.yaml quiz.cooldown_minutes): use it to re-read, not to guess.',
  });
}

/** Grade one answer; a code answer runs first (2 s, 64 MB). */
export async function gradeOne(item: QuizItem, given: Given | undefined): Promise<Graded> {
  if (item.answer_type === 'code' && given?.kind === 'text' && given.text.trim() !== '') {
    const { runCode } = await import('../../io/code-runner.js');
    return gradeItem(item, given, await runCode(given.text, item.stdin));
  }
  return gradeItem(item, given);
}

export interface Finished { record: Omit<AttemptRecord, 'prev'>; info: FinishInfo; attempt: number }

/** Record a finished attempt: one chained line, the checkpoint, a card for every miss. */
export async function finishAttempt(setup: QuizSetup, graded: readonly Graded[], mode: AttemptRecord['mode'], startedAt: Date, durationMs: number, now = new Date()): Promise<Finished> {
  const score = scoreOf(graded, setup.items.length, setup.threshold);
  const record = buildRecord({ at: now, startedAt, phase: setup.phase.id, learner: setup.learner, bankSha256: setup.bankSha, mode, graded, score, threshold: setup.threshold, durationMs });
  if (setup.practice) return finishPractice(setup, graded, record, score, now);
  return withLock(setup.ws.root, `lynx quiz ${nn(setup.phase.id)}`, async () => {
    const [{ recordAttempt }, { saveCheckpoint }] = await Promise.all([import('../../io/quiz-record.js'), import('../../app/progress.js')]);
    const log = await recordAttempt(setup.ws, record, setup.cooldownBase, saveCheckpoint);
    const missed = missedIds(record);
    const before = syncDeck(setup.ws, setup.learner, []).deck;
    const { added, deck } = syncDeck(setup.ws, setup.learner, log.records);
    const dues = missed.map((id) => deck.get(id)?.state.due).filter((d): d is string => d !== undefined).sort();
    const until = cooldownUntil(log.records, setup.cooldownBase);
    const byId = new Map(setup.items.map((i) => [i.id, i]));
    const info: FinishInfo = {
      score: score.score, points: score.points, total: score.total, passed: score.passed, threshold: setup.threshold,
      missed: graded.filter((g) => g.points === 0).map((g) => ({ id: g.id, title: cleanTitle(byId.get(g.id)?.title ?? ''), verdict: g.verdict })),
      added: added.filter((id) => missed.includes(id)), already: missed.filter((id) => before.has(id)),
      today: utcDay(now), nextReview: dues[0],
      cooldownUntil: until && until > now ? until.toISOString() : undefined,
      revisit: revisitFor(setup, missed),
      warnings: [],
      selfAssessed: graded.filter((g) => g.verdict === 'self-assessed' && g.points === 1).map((g) => g.id),
    };
    return { record, info, attempt: log.records.length };
  });
}

/** learners/<name>/phase-NN/quiz-practice.jsonl: practice attempts, apart from the chained record. */
export const practiceFile = (learner: string, phase: number): string => `learners/${learner}/phase-${nn(phase)}/quiz-practice.jsonl`;

/** A practice attempt: one plain line in its own log; the attempt log, checkpoint, cooldown and deck are untouched. */
async function finishPractice(setup: QuizSetup, graded: readonly Graded[], record: Omit<AttemptRecord, 'prev'>, score: ReturnType<typeof scoreOf>, now: Date): Promise<Finished> {
  return withLock(setup.ws.root, `lynx quiz ${nn(setup.phase.id)} --practice`, () => {
    const rel = practiceFile(setup.learner, setup.phase.id);
    appendToLog(setup.ws, rel, () => JSON.stringify({ ...record, practice: true }));
    const byId = new Map(setup.items.map((i) => [i.id, i]));
    const missed = graded.filter((g) => g.points === 0);
    const info: FinishInfo = {
      score: score.score, points: score.points, total: score.total, passed: score.passed, threshold: setup.threshold,
      missed: missed.map((g) => ({ id: g.id, title: cleanTitle(byId.get(g.id)?.title ?? ''), verdict: g.verdict })),
      added: [], already: [], today: utcDay(now), nextReview: undefined, cooldownUntil: undefined,
      revisit: revisitFor(setup, missed.map((g) => g.id)),
      warnings: ['practice: recorded apart in quiz-practice.jsonl — it does not count for the phase, start a cooldown or add review cards'],
      selfAssessed: graded.filter((g) => g.verdict === 'self-assessed' && g.points === 1).map((g) => g.id),
    };
    return Promise.resolve({ record, info, attempt: 0 });
  });
}
