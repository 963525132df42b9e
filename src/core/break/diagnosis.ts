/**
 * Does the learner's diagnosis name the hidden cause? A deliberately simple, explainable measure:
 * the hidden cause's key terms (content words and identifiers, crudely stemmed) and how many of
 * them the diagnosis uses. The verdict is shown with the matched and missing terms, so a learner
 * can see why — and the hidden cause is revealed right after, so a person judges the rest.
 */

const STOP = new Set(`a an and are as at be been being but by can could did do does doing done don't doesn't for from had has have having
how if in into is it its it's may might more most must no nor not of off on once only or other our out over own same should so some such
than that the their them then there these they this those through to too under until up very was we were what when where which while
who whom whose why will with would you your yet any all also because before after again about above below between both few here just now
one two get gets got make makes made use used uses using via per etc without within instead rather every each even still thus hence
i me my mine he she his her him i'm it'll there's what's isn't aren't wasn't weren't won't can't cannot`.split(/\s+/));

/** Crude stemming: strip a common suffix and a final e, then keep a 6-letter prefix ("initialized" ~ "initialization"). */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const [re, to] of [[/ization$/, 'iz'], [/ations?$/, ''], [/ing$/, ''], [/ed$/, ''], [/ies$/, 'y'], [/([^s])s$/, '$1'], [/ly$/, '']] as const) {
    const next = w.replace(re, to);
    if (next !== w && next.length >= 4) { w = next; break; }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1); // cause ~ caused ~ causing
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** Words and identifiers of a text: `os.environ['X']` gives os, environ, x; `d_k` stays whole. */
export function words(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9_]*|\d+[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

export interface KeyTerm { term: string; stem: string }

export function keyTerms(hiddenCause: string): KeyTerm[] {
  const seen = new Map<string, KeyTerm>();
  for (const w of words(hiddenCause)) {
    const lower = w.toLowerCase();
    if (STOP.has(lower)) continue;
    if (lower.length < 3 && !/[_\d]/.test(lower)) continue;
    const s = stem(lower);
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

export function compareDiagnosis(diagnosis: string, hiddenCause: string): DiagnosisVerdict {
  const terms = keyTerms(hiddenCause);
  const used = new Set(words(diagnosis).map((w) => stem(w.toLowerCase())));
  const matched = terms.filter((t) => used.has(t.stem)).map((t) => t.term);
  const missing = terms.filter((t) => !used.has(t.stem)).map((t) => t.term);
  const score = terms.length === 0 ? 0 : matched.length / terms.length;
  const need = Math.min(2, terms.length);
  const names = terms.length > 0 && matched.length >= need && score >= NAMES_CAUSE_SHARE;
  return {
    names_cause: names, score: Math.round(score * 100) / 100, matched, missing,
    rule: `names the cause when it uses at least ${Math.round(NAMES_CAUSE_SHARE * 100)}% of the hidden cause's ${terms.length} key terms (and at least ${need})`,
  };
}
