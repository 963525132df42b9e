/**
 * Free-text matching for quiz answers (pure). Both the keyword and the answer go through the same
 * pipeline — Unicode NFKC, lower case, hyphens/underscores/dashes as spaces, the Snowball English
 * stem of every word ("releases", "released", "releasing" are one word) — and a keyword matches only
 * as whole words, so a one-letter keyword like `V` matches the word "V" and never the "v" inside
 * "vocab". A phrase keyword's words must come in order, with at most two words between them
 * ("preserves the direction of" ~ "preserves direction"), and articles in a keyword are not required.
 * Symbols (`/`, `(`, `%`, `^`) are tokens of their own: a keyword that has them ("/ B", "O(1)",
 * "2.1%") is matched exactly against the full token stream, any other against the words alone.
 * A keyword found only inside a negated clause does not count (negation.ts).
 */
import { isNegator, negatedWords } from './negation.js';
import { snowballStem } from './stemmer.js';

export interface Token {
  t: string;
  word: boolean;
  raw: string;
}

// Decimal numbers stay whole ("0.25" is not "0" + "25"); words are letters/digits/marks; every
// other visible character except separators is a one-character symbol token.
const TOKEN_RE = /(\p{N}+(?:\.\p{N}+)+)|([\p{L}\p{N}\p{M}]+)|([^\s\p{L}\p{N}\p{M}\-_‐‑‒'’`*])/gu;

/** The stem of a word: Snowball English. */
export function stem(w: string): string {
  return snowballStem(w, 'en');
}

/** Contractions spelled out, so negation is a word of its own ("isn't" → "is not"). */
function expand(s: string): string {
  return s
    .replace(/\bcan['’]t\b/g, 'can not')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/\bcannot\b/g, 'can not')
    .replace(/n['’]t\b/g, ' not');
}

export function tokenize(text: string): Token[] {
  // possessive 's is not a word of its own ("Adam's" → "adam")
  const s = expand(text.normalize('NFKC').toLowerCase()).replace(/['’]s\b/g, '');
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) out.push({ t: m[1], word: true, raw: m[1] });
    else if (m[2] !== undefined) out.push({ t: stem(m[2]), word: true, raw: m[2] });
    else if (m[3] !== undefined) out.push({ t: m[3], word: false, raw: m[3] });
  }
  return out;
}

export interface Prepared {
  all: string[];
  words: string[];
  /** Per word: is it inside a negated clause? */
  negated: boolean[];
  /** Index in `all` of each word. */
  wordAt: number[];
  /** Per word: its clause (a phrase keyword never spans . , ; : ! ?). */
  clause: number[];
}

const CLAUSE_END = new Set(['.', ',', ';', ':', '!', '?']);

export function prepare(text: string): Prepared {
  const toks = tokenize(text);
  const wordAt: number[] = [];
  const clause: number[] = [];
  let c = 0;
  toks.forEach((x, i) => {
    if (x.word) {
      wordAt.push(i);
      clause.push(c);
    } else if (CLAUSE_END.has(x.t)) c++;
  });
  return {
    all: toks.map((x) => x.t),
    words: wordAt.map((i) => toks[i]?.t ?? ''),
    negated: negatedWords(toks),
    wordAt,
    clause,
  };
}

/** Words a keyword may leave out: "preserves the direction" is "preserves direction". */
const FILLER = new Set(['a', 'an', 'the', 'of', 'it', 'its', 'their']);
const MAX_GAP = 2;
const MAX_JOIN = 4;

interface Span {
  start: number;
  end: number;
}

/** Every place the needle occurs in the hay as an in-order run with small gaps (or as a joined word). */
function spans(hay: readonly string[], needle: readonly string[], gap: number, clause?: readonly number[]): Span[] {
  const out: Span[] = [];
  if (needle.length === 0) return out;
  const joined = needle.join('');
  for (let i = 0; i < hay.length; i++) {
    if (hay[i] === needle[0]) {
      let at = i;
      let ok = true;
      for (let k = 1; k < needle.length && ok; k++) {
        let next = -1;
        for (let j = at + 1; j <= Math.min(hay.length - 1, at + 1 + gap); j++) {
          if (clause && clause[j] !== clause[i]) break;
          if (hay[j] === needle[k]) {
            next = j;
            break;
          }
        }
        if (next < 0) ok = false;
        else at = next;
      }
      if (ok) out.push({ start: i, end: at });
    }
    // "pre commit" ~ "precommit" ~ "pre-commit": compare the joined text
    let acc = '';
    for (let k = i; k < Math.min(hay.length, i + needle.length + MAX_JOIN); k++) {
      acc += hay[k] ?? '';
      if (acc === joined && (k > i || needle.length > 1)) {
        out.push({ start: i, end: k });
        break;
      }
      if (acc.length >= joined.length) break;
    }
  }
  return out;
}

export interface PhraseHit {
  found: boolean;
  negatedOnly: boolean;
}

/** Where one spelling of a keyword occurs, and whether every occurrence is negated. */
export function phraseHit(text: Prepared, phrase: string): PhraseHit {
  const toks = tokenize(phrase);
  if (toks.length === 0) return { found: false, negatedOnly: false };
  const hasSymbol = toks.some((x) => !x.word);
  let found: Span[];
  let toWord: (i: number) => number;
  if (hasSymbol) {
    found = spans(
      text.all,
      toks.map((x) => x.t),
      0,
    );
    toWord = (i) =>
      Math.max(
        0,
        text.wordAt.findIndex((a) => a >= i),
      );
  } else {
    const words = toks.map((x) => x.t);
    const content = words.length > 1 ? words.filter((w) => !FILLER.has(w)) : words;
    found = spans(text.words, content.length > 0 ? content : words, MAX_GAP, text.clause);
    toWord = (i) => i;
  }
  if (found.length === 0) return { found: false, negatedOnly: false };
  // a negation written into the keyword itself ("no dropout") is the keyword's own meaning
  const selfNegated = toks.some((x) => isNegator(x.raw));
  // a span counts as negated when any of its words is: the denial may sit next to either end
  const negSpan = (sp: Span): boolean => {
    for (let k = toWord(sp.start); k <= toWord(sp.end); k++) if (text.negated[k] === true) return true;
    return false;
  };
  const negatedOnly = !selfNegated && found.every(negSpan);
  return { found: true, negatedOnly };
}

/** Does one spelling of a keyword occur in the prepared text, as whole words, outside a negation? */
export function matchesPhrase(text: Prepared, phrase: string): boolean {
  const h = phraseHit(text, phrase);
  return h.found && !h.negatedOnly;
}

export interface KeywordHit {
  match?: string;
  negated?: string;
}

/** The first alternative of a keyword found in the text, and one found only negated, if any. */
export function keywordHit(text: Prepared, alternatives: readonly string[]): KeywordHit {
  let negated: string | undefined;
  for (const a of alternatives) {
    const h = phraseHit(text, a);
    if (h.found && !h.negatedOnly) return { match: a };
    if (h.found) negated ??= a;
  }
  return negated === undefined ? {} : { negated };
}

export function findKeyword(text: Prepared, alternatives: readonly string[]): string | undefined {
  return keywordHit(text, alternatives).match;
}

const STOP_WORDS = `a an the and or but nor of to in on at by for with from as into onto about over under
between than then so if because since while which who whom whose what when where why how do does did done
can could would should shall will may might must is are was were be been being am it its this that these
those there here their they them we us our you your i me my he him his she her not no yes just also very
too such only each other some any both either neither etc vs via per let lets get got`.split(/\s+/);
let STOP: Set<string> | undefined;

/** Distinct content words (stemmed, stop words out) — what "words of its own" are counted in. */
export function contentWords(text: Prepared): Set<string> {
  STOP ??= new Set(STOP_WORDS.map(stem));
  const stop = STOP;
  return new Set(text.words.filter((w) => !stop.has(w)));
}
