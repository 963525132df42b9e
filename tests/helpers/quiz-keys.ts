/**
 * Answers derived from a quiz bank's own keys, for the grading tests: the right answer to every
 * item (a free answer is one spelling of every keyword plus words of its own), and a wrong one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { QuizBank } from '../../src/schemas/generated/types.js';
import { repoRoot } from './cli.js';

export type Item = QuizBank['items'][number];

/** The compiled banks, exactly as lynx loads them (dist/data/quizzes). */
export function bundledBanks(): { name: string; bank: QuizBank }[] {
  const dir = join(repoRoot, 'dist', 'data', 'quizzes');
  return readdirSync(dir)
    .sort()
    .map((f) => ({ name: f, bank: JSON.parse(readFileSync(join(dir, f), 'utf8')) as QuizBank }));
}

export const OWN_WORDS = 'because learners reason carefully with concrete worked examples';

const alts = (k: string | string[]): string[] => (typeof k === 'string' ? [k] : k);

/** The right answer; `pick(k)` chooses which spelling of keyword k to use (default: the first). */
export function rightAnswer(item: Item, pick: (k: number) => number = () => 0): unknown {
  switch (item.answer_type) {
    case 'mcq':
      return item.correct;
    case 'multi':
      return item.correct;
    case 'short':
      return (item.correct as string[])[0];
    case 'numeric':
      return item.correct;
    case 'free': {
      const kws = item.keywords ?? [];
      if (kws.length === 0) return { text: item.model_answer, self_assessed: true };
      return `${kws
        .map((k, i) => {
          const a = alts(k);
          return a[pick(i) % a.length];
        })
        .join(', ')} — ${OWN_WORDS}.`;
    }
    case 'conjugation-form':
      return Array.isArray(item.correct) ? item.correct[0] : item.correct;
    default:
      return item.correct;
  }
}

export function wrongAnswer(item: Item): unknown {
  const n = item.choices?.length ?? 0;
  switch (item.answer_type) {
    case 'mcq':
      return ((item.correct as number) + 1) % n;
    case 'multi': {
      const key = item.correct as number[];
      const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !key.includes(i));
      return rest.length > 0 ? rest : key.slice(0, 1); // every choice right: a subset is wrong
    }
    case 'short':
      return 'zzz';
    case 'numeric':
      return Number(item.correct) + 1000;
    case 'free':
      return (item.keywords?.length ?? 0) === 0 ? { text: item.model_answer, self_assessed: false } : 'no idea, sorry';
    default:
      return 'zzz';
  }
}

export const askable = (bank: QuizBank): Item[] => bank.items.filter((i) => i.askable !== false);
