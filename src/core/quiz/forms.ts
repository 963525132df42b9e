/**
 * Grading a conjugation item (pure): the answer must be one of the forms the item asks for, compared
 * as forms, not stems — "Comeré." and "yo comeré" are the future of comer, the bare infinitive "comer"
 * is not. Case, end punctuation, a leading subject pronoun and a missing written accent are forgiven
 * (the accent with a note); the Spanish Snowball stem tells "right verb, wrong form" from a wrong verb.
 */
import type { QuizBank } from '../../schemas/generated/types.js';
import { snowballStem } from './stemmer.js';

type Item = QuizBank['items'][number];
interface Judged {
  verdict: 'correct' | 'wrong';
  points: 0 | 1;
  feedback: string;
}

const PRONOUNS = new Set([
  'yo',
  'tú',
  'tu',
  'él',
  'el',
  'ella',
  'usted',
  'nosotros',
  'nosotras',
  'vosotros',
  'vosotras',
  'ellos',
  'ellas',
  'ustedes',
]);

/** Lower case, no end punctuation or quotes, single spaces, no leading subject pronoun. */
export function normalizeForm(s: string): string {
  const words = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.!?¡¿"'“”«»,;:]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > 1 && PRONOUNS.has(words[0] ?? '')) words.shift();
  return words.join(' ');
}

const unaccent = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

export const acceptedForms = (item: Item): string[] =>
  Array.isArray(item.correct) ? item.correct.map(String) : [String(item.correct ?? '')];

export function gradeForm(item: Item, text: string): Judged {
  const forms = acceptedForms(item);
  const given = normalizeForm(text);
  const want = forms.map(normalizeForm);
  if (want.includes(given)) return { verdict: 'correct', points: 1, feedback: '' };
  const close = forms.find((f) => unaccent(normalizeForm(f)) === unaccent(given));
  if (close !== undefined) return { verdict: 'correct', points: 1, feedback: `mind the written accent: ${close}` };
  const lemma = item.lemma;
  if (lemma !== undefined && given !== '') {
    const lemmaStem = snowballStem(unaccent(lemma.toLowerCase()), 'es');
    const sameVerb = given.split(' ').some((w) => snowballStem(unaccent(w), 'es') === lemmaStem);
    if (given === lemma.toLowerCase())
      return {
        verdict: 'wrong',
        points: 0,
        feedback: `"${lemma}" is the infinitive; the question asks for a form of it`,
      };
    if (sameVerb)
      return {
        verdict: 'wrong',
        points: 0,
        feedback: `the right verb (${lemma}), but not the form the question asks for`,
      };
  }
  return { verdict: 'wrong', points: 0, feedback: '' };
}
