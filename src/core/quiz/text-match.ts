/**
 * Free-text matching for quiz answers (pure). Both the keyword and the answer go through the same
 * pipeline — Unicode NFKC, lower case, hyphens/underscores/dashes as spaces, a light plural stem —
 * and a keyword matches only as a whole run of tokens, so a one-letter keyword like `V` matches the
 * word "V" and never the "v" inside "vocab". Symbols (`/`, `(`, `%`, `^`) are tokens of their own:
 * a keyword that has them ("/ B", "O(1)", "2.1%") is matched against the full token stream, any
 * other keyword against the words alone, so punctuation around a word never hides it.
 */

export interface Token { t: string; word: boolean }

// Decimal numbers stay whole ("0.25" is not "0" + "25"); words are letters/digits/marks; every
// other visible character except separators is a one-character symbol token.
const TOKEN_RE = /(\p{N}+(?:\.\p{N}+)+)|([\p{L}\p{N}\p{M}]+)|([^\s\p{L}\p{N}\p{M}\-_‐‑‒–—'’`*])/gu;

/** A plural/third-person `s` is not a different idea: "seeds" is "seed", "matches" is "match". */
export function stem(w: string): string {
  if (w.length < 4 || !/^\p{L}+$/u.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

export function tokenize(text: string): Token[] {
  // possessive 's is not a word of its own ("Adam's" → "adam")
  const s = text.normalize('NFKC').toLowerCase().replace(/['’]s\b/g, '');
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) out.push({ t: m[1], word: true });
    else if (m[2] !== undefined) out.push({ t: stem(m[2]), word: true });
    else if (m[3] !== undefined) out.push({ t: m[3], word: false });
  }
  return out;
}

const MAX_JOIN = 4;

/** Is `needle` a contiguous run of `hay`, or does its joined text equal a joined run of `hay` ("pre commit" ~ "precommit")? */
function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  const joined = needle.join('');
  for (let i = 0; i < hay.length; i++) {
    if (needle.every((n, k) => hay[i + k] === n)) return true;
    let acc = '';
    for (let k = i; k < Math.min(hay.length, i + needle.length + MAX_JOIN); k++) {
      acc += hay[k] ?? '';
      if (acc === joined) return true;
      if (acc.length >= joined.length) break;
    }
  }
  return false;
}

export interface Prepared { all: string[]; words: string[] }

export function prepare(text: string): Prepared {
  const toks = tokenize(text);
  return { all: toks.map((x) => x.t), words: toks.filter((x) => x.word).map((x) => x.t) };
}

/** Does one spelling of a keyword occur in the prepared text, as whole words? */
export function matchesPhrase(text: Prepared, phrase: string): boolean {
  const toks = tokenize(phrase);
  if (toks.length === 0) return false;
  const hasSymbol = toks.some((x) => !x.word);
  return containsRun(hasSymbol ? text.all : text.words, toks.filter((x) => hasSymbol || x.word).map((x) => x.t));
}

/** The first alternative of a keyword found in the text, if any. */
export function findKeyword(text: Prepared, alternatives: readonly string[]): string | undefined {
  return alternatives.find((a) => matchesPhrase(text, a));
}

const STOP = new Set(`a an the and or but nor of to in on at by for with from as into onto about over under
between than then so if because since while which who whom whose what when where why how do does did done
can could would should shall will may might must is are was were be been being am it its this that these
those there here their they them we us our you your i me my he him his she her not no yes just also very
too such only each other some any both either neither etc vs via per let lets get got`.split(/\s+/).map(stem));

/** Distinct content words (stemmed, stop words out) — what "words of its own" are counted in. */
export function contentWords(text: Prepared): Set<string> {
  return new Set(text.words.filter((w) => !STOP.has(w)));
}
