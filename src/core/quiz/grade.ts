/**
 * Grading one quiz item (pure). Every item is worth one point, all or nothing; `partial` marks a
 * multi-select or free answer that got some of it (it scores 0 and becomes a review card, and the
 * feedback says what was missing). `code` items are graded from the outcome of a sandboxed run,
 * which the caller (src/io/code-runner.ts) supplies.
 */
import type { QuizBank } from '../../schemas/generated/types.js';
import type { AttemptAnswer } from '../attempts.js';
import { contentWords, findKeyword, keywordHit, prepare, type Prepared } from './text-match.js';
import { gradeForm } from './forms.js';

export type QuizItem = QuizBank['items'][number];
export type Verdict = AttemptAnswer['verdict'];

/** An answer as given, whatever the input (ink widgets or an answer file). */
export type Given =
  | { kind: 'choice'; index: number }
  | { kind: 'choices'; indices: number[] }
  | { kind: 'text'; text: string; selfAssessed?: boolean }
  | { kind: 'number'; value: number };

export interface CodeOutcome {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  memoryExceeded: boolean;
}

export interface Graded {
  id: string;
  /** The answer as recorded in the attempt log (the answer-file form: index, indices, text, number). */
  answer: unknown;
  verdict: Verdict;
  points: 0 | 1;
  /** Why: what was missing, what limit was hit. */
  feedback: string;
  /** The key, as a person reads it (for a free item, its model answer — never its keywords). */
  expected: string;
  /** A keyworded free answer whose keywords were not found: the learner may compare it with the model answer and claim
   * it. */
  claimable?: true;
}

/** The answer-file form of an answer: what `--answers` accepts and the attempt log records. */
export function recordForm(g: Given | undefined): unknown {
  if (!g) return null;
  switch (g.kind) {
    case 'choice':
      return g.index;
    case 'choices':
      return [...g.indices].sort((a, b) => a - b);
    case 'number':
      return g.value;
    case 'text':
      return g.selfAssessed === undefined ? g.text : { text: g.text, self_assessed: g.selfAssessed };
  }
}

export const hasKeywords = (item: QuizItem): boolean => (item.keywords?.length ?? 0) > 0;
/** A free item with no keywords is judged against its model answer by the learner (DESIGN §4). */
export const isSelfAssessed = (item: QuizItem): boolean => item.answer_type === 'free' && !hasKeywords(item);

const alternatives = (k: string | string[]): string[] => (typeof k === 'string' ? [k] : k);
const squash = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!]$/, '');

export function expectedText(item: QuizItem): string {
  const choices = item.choices ?? [];
  const c = item.correct;
  switch (item.answer_type) {
    case 'mcq':
      return typeof c === 'number' ? `${c + 1}. ${choices[c] ?? ''}` : '';
    case 'multi':
      return Array.isArray(c) ? c.map((i) => `${Number(i) + 1}. ${choices[Number(i)] ?? ''}`).join('\n') : '';
    case 'short':
      return Array.isArray(c) ? c.join(' | ') : String(c ?? '');
    case 'numeric':
      return `${String(c)}${item.tolerance ? ` ± ${item.tolerance}` : ''}`;
    // the model answer, not the keyword list: keywords shown before a pass are a list to stuff a retake with
    case 'free':
      return item.model_answer ?? item.rubric ?? '';
    case 'conjugation-form':
      return Array.isArray(c) ? c.join(' | ') : String(c ?? '');
    default:
      return String(c ?? '');
  }
}

/**
 * Words of its own: an answer must say something the question does not. At least one content word
 * not in the prompt, and when every keyword it matched is already in the prompt (the question gives
 * the terms away, as q-00-05 does), at least three and a quarter of its words — it must explain.
 */
export function ownWordsProblem(answer: Prepared, prompt: Prepared, givenAway: boolean): string | undefined {
  const words = contentWords(answer);
  const promptWords = contentWords(prompt);
  const own = [...words].filter((w) => !promptWords.has(w)).length;
  if (own === 0) return 'the answer only repeats words of the question — answer in your own words';
  if (givenAway && (own < 3 || own < 0.25 * words.size))
    return (
      'the key terms are in the question itself — explain in your own words (at least three words the question ' +
      'does not use)'
    );
  return undefined;
}

type Judged = Omit<Graded, 'id' | 'answer' | 'expected'>;

function gradeFree(item: QuizItem, text: string, selfAssessed: boolean | undefined): Judged {
  const answer = prepare(text);
  const prompt = prepare(item.prompt_en);
  if (!hasKeywords(item)) {
    const problem = ownWordsProblem(answer, prompt, true);
    if (problem) return { verdict: 'self-assessed', points: 0, feedback: problem };
    if (selfAssessed === undefined)
      return {
        verdict: 'self-assessed',
        points: 0,
        feedback:
          'this question has no keywords: compare your answer with the model answer and mark it (self_assessed: ' +
          'true in an answer file)',
      };
    return {
      verdict: 'self-assessed',
      points: selfAssessed ? 1 : 0,
      feedback: selfAssessed
        ? 'you judged it right against the model answer'
        : 'you judged it wrong against the model answer',
    };
  }
  const kws = item.keywords ?? [];
  const found = kws.map((k) => keywordHit(answer, alternatives(k)));
  const hits = found.map((f) => f.match).filter((f): f is string => f !== undefined);
  const negated = found.filter((f) => f.match === undefined && f.negated !== undefined).map((f) => f.negated ?? '');
  const need = Math.min(item.min_keywords ?? kws.length, kws.length);
  const ownProblem = (): string | undefined =>
    ownWordsProblem(
      answer,
      prompt,
      hits.every((h) => findKeyword(prompt, [h]) !== undefined),
    );
  const problem = hits.length < need ? missed(hits.length, need, negated) : ownProblem();
  if (problem === undefined) return { verdict: 'correct', points: 1, feedback: `names ${hits.join(', ')}` };
  // The keywords are a teacher's shortcut, not the answer: a learner who said the same in other words
  // compares with the model answer and may claim it — counted, and flagged as self-assessed.
  const own = ownProblem() === undefined;
  if (selfAssessed === true && own)
    return { verdict: 'self-assessed', points: 1, feedback: `you judged it the same as the model answer (${problem})` };
  if (selfAssessed === false)
    return { verdict: 'wrong', points: 0, feedback: `you judged it different from the model answer (${problem})` };
  return {
    verdict: hits.length > 0 ? 'partial' : 'wrong',
    points: 0,
    feedback: problem,
    ...(own ? { claimable: true as const } : {}),
  };
}

/** What the grader did not find, without naming the missing keywords (they would be a list to stuff a retake with). */
function missed(hit: number, need: number, negated: readonly string[]): string {
  const neg =
    negated.length > 0
      ? `; ${negated.map((n) => `"${n}"`).join(', ')} appear${negated.length === 1 ? 's' : ''} only in a negated clause`
      : '';
  return `found ${hit} of the ${need} key idea${need === 1 ? '' : 's'} the model answer names${neg}`;
}

/** Normalised program output: CRLF → LF, trailing spaces and trailing blank lines ignored; case kept. */
export const normalizeOutput = (s: string): string =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

function gradeCode(item: QuizItem, out: CodeOutcome | undefined): Judged {
  if (!out) return { verdict: 'wrong', points: 0, feedback: 'the program was not run' };
  if (out.timedOut) return { verdict: 'wrong', points: 0, feedback: 'time limit (2 s) exceeded' };
  if (out.memoryExceeded) return { verdict: 'wrong', points: 0, feedback: 'memory limit (64 MB) exceeded' };
  if (out.exitCode !== 0)
    return {
      verdict: 'wrong',
      points: 0,
      feedback: `the program exited with ${String(out.exitCode)}: ${out.stderr.trim().split('\n').at(-1) ?? ''}`,
    };
  const ok = normalizeOutput(out.stdout) === normalizeOutput(String(item.correct ?? ''));
  return ok
    ? { verdict: 'correct', points: 1, feedback: 'stdout matches' }
    : {
        verdict: 'wrong',
        points: 0,
        feedback: `stdout was ${JSON.stringify(normalizeOutput(out.stdout).slice(0, 200))}`,
      };
}

function judge(item: QuizItem, g: Given, code: CodeOutcome | undefined): Judged {
  const right = { verdict: 'correct', points: 1, feedback: '' } as const;
  const wrong = (feedback = ''): Judged => ({ verdict: 'wrong', points: 0, feedback });
  const c = item.correct;
  switch (item.answer_type) {
    case 'mcq':
      return g.kind === 'choice' && g.index === c ? right : wrong();
    case 'multi': {
      if (g.kind !== 'choices' || !Array.isArray(c)) return wrong();
      const key = new Set(c.map(Number));
      const chosen = new Set(g.indices);
      if (key.size === chosen.size && [...key].every((k) => chosen.has(k))) return right;
      const hit = [...chosen].filter((k) => key.has(k)).length;
      return {
        verdict: hit > 0 ? 'partial' : 'wrong',
        points: 0,
        feedback: `${hit} of ${key.size} right choice(s), ${chosen.size - hit} wrong one(s)`,
      };
    }
    case 'short': {
      const keys = (Array.isArray(c) ? c : [c]).map((x) => squash(String(x)));
      return g.kind === 'text' && keys.includes(squash(g.text)) ? right : wrong();
    }
    case 'conjugation-form':
      return g.kind === 'text' ? gradeForm(item, g.text) : wrong();
    case 'numeric': {
      const v = g.kind === 'number' ? g.value : g.kind === 'text' ? Number(g.text.trim()) : NaN;
      const want = Number(c);
      const tol = item.tolerance ?? 1e-9 * Math.max(1, Math.abs(want));
      return Number.isFinite(v) && Math.abs(v - want) <= tol ? right : wrong(Number.isFinite(v) ? '' : 'not a number');
    }
    case 'free':
      return g.kind === 'text' ? gradeFree(item, g.text, g.selfAssessed) : wrong();
    case 'code':
      return g.kind === 'text' ? gradeCode(item, code) : wrong();
  }
}

export function gradeItem(item: QuizItem, given: Given | undefined, code?: CodeOutcome): Graded {
  const base = { id: item.id, answer: recordForm(given), expected: expectedText(item) };
  if (!given || (given.kind === 'text' && given.text.trim() === '' && given.selfAssessed === undefined)) {
    return { ...base, verdict: 'skipped', points: 0, feedback: 'not answered' };
  }
  return { ...base, ...judge(item, given, code) };
}

export interface Score {
  points: number;
  total: number;
  score: number;
  passed: boolean;
}

/** Score over the askable items (not-askable ones were never asked). */
export function scoreOf(graded: readonly Graded[], total: number, threshold: number): Score {
  const points = graded.reduce((a, g) => a + g.points, 0);
  const score = total === 0 ? 0 : points / total;
  // a hair of tolerance: 7/10 is 0.7 exactly in intent, whatever the float says
  return { points, total, score, passed: score + 1e-9 >= threshold };
}
