/**
 * Does the learner's diagnosis name the hidden cause? A deliberately simple, explainable measure:
 * the hidden cause's key terms (content words and identifiers, crudely stemmed) and how many of
 * them the diagnosis uses. The verdict is shown with the matched and missing terms, so a learner
 * can see why — and the hidden cause is revealed right after, so a person judges the rest.
 */

const STOP = new Set(
  `a an and are as at be been being but by can could did do does doing done don't doesn't for from had has have having
how if in into is it its it's may might more most must no nor not of off on once only or other our out over own same should so some such
than that the their them then there these they this those through to too under until up very was we were what when where which while
who whom whose why will with would you your yet any all also because before after again about above below between both few here just now
one two get gets got make makes made use used uses using via per etc without within instead rather every each even still thus hence
i me my mine he she his her him i'm it'll there's what's isn't aren't wasn't weren't won't can't cannot`.split(/\s+/),
);

/** Crude stemming: strip a common suffix and a final e, then keep a 6-letter prefix ("initialized" ~ "initialization").
 * */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const [re, to] of [
    [/ization$/, 'iz'],
    [/ations?$/, ''],
    [/ing$/, ''],
    [/ed$/, ''],
    [/ies$/, 'y'],
    [/([^s])s$/, '$1'],
    [/ly$/, ''],
  ] as const) {
    const next = w.replace(re, to);
    if (next !== w && next.length >= 4) {
      w = next;
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1); // cause ~ caused ~ causing
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** Words and identifiers of a text: `os.environ['X']` gives os, environ, x; `d_k` stays whole; `off-by-one` is one
 * compound. */
export function words(text: string): string[] {
  return text.match(/[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*|\d+[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

/** A compound's key: its parts run together ("post-mortem", "post mortem" and "postmortem" agree). */
const compoundKey = (w: string): string => stem(w.toLowerCase().replace(/-/g, ''));

/** What a diagnosis uses: each word, each compound's parts, and runs of 2–3 words joined (to meet compounds). */
function usedStems(text: string): Set<string> {
  const ws = words(text).map((w) => w.toLowerCase());
  const flat = ws.flatMap((w) => w.split('-'));
  const used = new Set<string>([...flat.map(stem), ...ws.filter((w) => w.includes('-')).map(compoundKey)]);
  for (let i = 0; i < flat.length; i++)
    for (const n of [2, 3]) if (i + n <= flat.length) used.add(compoundKey(flat.slice(i, i + n).join('')));
  return used;
}

export interface KeyTerm {
  term: string;
  stem: string;
}

export function keyTerms(hiddenCause: string): KeyTerm[] {
  const seen = new Map<string, KeyTerm>();
  for (const w of words(hiddenCause)) {
    const lower = w.toLowerCase();
    if (STOP.has(lower)) continue;
    if (lower.length < 3 && !/[_\d]/.test(lower)) continue;
    const s = lower.includes('-') ? compoundKey(lower) : stem(lower);
    if (!seen.has(s)) seen.set(s, { term: lower, stem: s });
  }
  return [...seen.values()];
}

export interface DiagnosisVerdict {
  names_cause: boolean;
  score: number;
  matched: string[];
  missing: string[];
  /** The rule the verdict applied, shown to the learner. */
  rule: string;
}

export const NAMES_CAUSE_SHARE = 0.3;

function verdictFor(used: Set<string>, terms: KeyTerm[]): Omit<DiagnosisVerdict, 'rule'> {
  const matched = terms.filter((t) => used.has(t.stem)).map((t) => t.term);
  const missing = terms.filter((t) => !used.has(t.stem)).map((t) => t.term);
  const score = terms.length === 0 ? 0 : matched.length / terms.length;
  const names = terms.length > 0 && matched.length >= Math.min(2, terms.length) && score >= NAMES_CAUSE_SHARE;
  return { names_cause: names, score: Math.round(score * 100) / 100, matched, missing };
}

/**
 * Sentences of the hidden cause that can stand alone: the pages often put the cause in one sentence
 * among context ("A @ B contracts A's last axis…" then the cause), or as a terse label ("off-by-one.").
 */
const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?;])\s+(?=[A-Z"'`a-z])|\n+/)
    .filter((x) => keyTerms(x).length >= 3 || (keyTerms(x).length >= 1 && words(x).length <= 3));

export function compareDiagnosis(diagnosis: string, hiddenCause: string): DiagnosisVerdict {
  const used = usedStems(diagnosis);
  const whole = verdictFor(used, keyTerms(hiddenCause));
  const parts = sentences(hiddenCause).map((x) => verdictFor(used, keyTerms(x)));
  const best = [whole, ...parts].filter((v) => v.names_cause).sort((x, y) => y.score - x.score)[0];
  const n = keyTerms(hiddenCause).length;
  return {
    ...(best ?? whole),
    rule:
      `names the cause when it uses at least ${Math.round(NAMES_CAUSE_SHARE * 100)}% (and at least 2) of the key ` +
      `terms of the hidden cause (${n} terms) or of one of its sentences`,
  };
}
