/**
 * The negation guard (pure): which words of an answer sit inside a negated clause, so that "decode is
 * unaffected", "scope is unlimited", "not X", "no X", "never X" and the Spanish "no X" do not earn
 * the keyword they contain. Clauses end at punctuation and at "but", "whereas", "although" …; a
 * negator reaches forward a few words ("does not help decode") and back a few words to the subject it
 * denies ("decode is not sped up"). Two negations cancel, and so does a counterfactual "without X"
 * before them: "without request_id you cannot correlate the lines" says request_id lets you correlate.
 */
interface Tok {
  t: string;
  word: boolean;
  raw: string;
}

/** Negators that deny what follows and, as a predicate, the subject before them. */
const NEG = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'neither',
  'nor',
  'nobody',
  'nowhere',
  'hardly',
  'nunca',
  'jamás',
  'tampoco',
  'ni',
  'ningún',
  'ninguna',
  'ninguno',
  'nada',
]);
/** "without X" / "sin X": a short noun phrase is absent — the rest of the clause is what follows from that. */
const ABSENT = new Set(['without', 'sin', 'lacking']);
/** Verbs that take away what follows: "removes the identity path". */
const TAKES_AWAY = new Set(['removes', 'remove', 'eliminates', 'eliminate', 'breaks', 'destroys', 'lacks']);
/** Predicates that deny their subject: "decode is unaffected", "the scope is unlimited". */
const DENYING = new Set([
  'unaffected',
  'unlimited',
  'unbounded',
  'unnecessary',
  'unneeded',
  'irrelevant',
  'useless',
  'unchanged',
  'unimportant',
  'impossible',
  'absent',
  'unrelated',
  'untouched',
  'pointless',
]);
/** Clause boundaries among the words. */
/** Spanish negative concord: "no … ninguna" is one negation, not two. */
const CONCORD = new Set(['nunca', 'jamás', 'tampoco', 'ni', 'ningún', 'ninguna', 'ninguno', 'nada', 'nadie']);
const BOUNDARY_WORDS = new Set([
  'but',
  'whereas',
  'although',
  'though',
  'however',
  'yet',
  'while',
  'because',
  'so',
  'instead',
  'pero',
  'sino',
  'aunque',
  'mientras',
  'porque',
]);
const BOUNDARY_SYMBOLS = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '—', '–', '→', '"', '“', '”']);

const FORWARD = 6;
const BACKWARD = 5;
const ABSENT_SCOPE = 3;

/** Per word token (in order of the word tokens): is it negated? */
/** Words that, inside a keyword, make the negation part of the keyword's meaning ("no dropout"). */
export const isNegator = (w: string): boolean => NEG.has(w) || ABSENT.has(w) || DENYING.has(w) || TAKES_AWAY.has(w);

export function negatedWords(toks: readonly Tok[]): boolean[] {
  // split into clauses of word tokens, remembering whether a clause follows a "without …," clause
  const clauses: { words: string[]; counterfactual: boolean }[] = [];
  let cur: string[] = [];
  let prevAbsent = false;
  const close = (): void => {
    const startsAbsent = cur.length > 0 && ABSENT.has(cur[0] ?? '');
    clauses.push({ words: cur, counterfactual: prevAbsent });
    prevAbsent = startsAbsent;
    cur = [];
  };
  for (const x of toks) {
    if (!x.word) {
      if (BOUNDARY_SYMBOLS.has(x.raw)) close();
      continue;
    }
    if (BOUNDARY_WORDS.has(x.raw)) {
      close();
      prevAbsent = false;
      cur.push(x.raw);
      continue;
    }
    cur.push(x.raw);
  }
  close();
  const out: boolean[] = [];
  for (const c of clauses) {
    const w = c.words;
    const absentAt = w.findIndex((x) => ABSENT.has(x));
    const counterfactual = c.counterfactual || absentAt === 0;
    for (let i = 0; i < w.length; i++) {
      let n = 0;
      for (let j = Math.max(0, i - FORWARD); j < i; j++) {
        const x = w[j] ?? '';
        if (CONCORD.has(x) && n > 0) continue;
        if ((NEG.has(x) && !isIdiom(w, j)) || TAKES_AWAY.has(x)) n++;
        if (ABSENT.has(x) && i - j <= ABSENT_SCOPE) n++;
      }
      for (let j = i + 1; j <= Math.min(w.length - 1, i + BACKWARD); j++) {
        const x = w[j] ?? '';
        if ((NEG.has(x) && !isIdiom(w, j) && !(x === 'no' && w[j + 1] === 'longer')) || DENYING.has(x)) {
          n++;
          break;
        }
      }
      // "without X, you cannot Y": the negation of Y is the consequence of X's absence, not a denial of Y
      const flips = counterfactual && n > 0 && !(absentAt >= 0 && i - absentAt <= ABSENT_SCOPE && i > absentAt) ? 1 : 0;
      out.push((n + flips) % 2 === 1);
    }
  }
  return out;
}

/** "not only X but", "no matter", "nothing but": not a denial. */
function isIdiom(w: readonly string[], j: number): boolean {
  const x = w[j];
  const next = w[j + 1];
  return (
    (x === 'not' && (next === 'only' || next === 'just')) ||
    (x === 'no' && next === 'matter') ||
    (x === 'nothing' && next === 'but')
  );
}
