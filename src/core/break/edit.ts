/**
 * Applying a break's edit (`find` → `replace`) to a file's text. An exact match is tried first;
 * if there is none, a tolerant match over whole lines that ignores indentation, runs of spaces,
 * trailing whitespace, blank lines and quote style (' vs ") — the pages show code without its
 * indentation, and a learner's file differs in exactly these ways. Nothing fuzzier: every
 * non-blank line of the anchor must be present, in order, with the same tokens. Exactly one match
 * applies; several are a refusal that lists the candidates; none is a refusal too.
 *
 * A tolerant match rewrites only the lines the edit changes (the anchor's common leading and
 * trailing lines stay the learner's own bytes), re-indented to where they land.
 */

export interface Candidate {
  line: number;
  text: string;
}
export type MatchHow = 'exact' | 'tolerant';

export type Match =
  | { ok: true; how: MatchHow; line: number; text: string }
  | { ok: false; reason: 'ambiguous'; how: MatchHow; candidates: Candidate[] }
  | { ok: false; reason: 'no-match'; alreadyMutant: boolean };

/** The tolerant form of a line: no surrounding/trailing whitespace, single spaces, one quote style. */
export const normLine = (l: string): string => l.trim().replace(/\s+/g, ' ').replace(/"/g, "'");
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');
const isBlank = (l: string): boolean => l.trim() === '';

function exactOffsets(text: string, find: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(find); i !== -1; i = text.indexOf(find, i + Math.max(1, find.length))) out.push(i);
  return out;
}

/** A tolerant match: the file's line index (0-based) of each non-blank anchor line. */
interface LineSpan {
  lines: number[];
  first: number;
  last: number;
}

/** Every place where the anchor's non-blank lines appear, in order, separated only by blank lines. */
function tolerantSpans(text: string, find: string): LineSpan[] {
  const want = find
    .split(/\r?\n/)
    .filter((l) => !isBlank(l))
    .map(normLine);
  if (want.length === 0) return [];
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const spans: LineSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (normLine(lines[i] ?? '') !== want[0]) continue;
    const hit = [i];
    let k = i + 1;
    for (let w = 1; w < want.length; w++) {
      while (k < lines.length && isBlank(lines[k] ?? '')) k++;
      if (k >= lines.length || normLine(lines[k] ?? '') !== want[w]) break;
      hit.push(k);
      k++;
    }
    if (hit.length !== want.length) continue;
    spans.push({ lines: hit, first: i, last: hit[hit.length - 1] ?? i });
    i = hit[hit.length - 1] ?? i; // matches do not overlap
  }
  return spans;
}

const excerpt = (text: string, first0: number, last0: number): string =>
  text
    .split('\n')
    .slice(first0, last0 + 1)
    .map((l) => l.replace(/\r$/, ''))
    .join('\n');

export function matchEdit(text: string, find: string, replace: string): Match {
  const exact = exactOffsets(text, find);
  if (exact.length === 1) return { ok: true, how: 'exact', line: lineAt(text, exact[0] ?? 0), text: find };
  const findLines = find.split('\n').length;
  if (exact.length > 1)
    return {
      ok: false,
      reason: 'ambiguous',
      how: 'exact',
      candidates: exact.map((o) => {
        const l = lineAt(text, o);
        return { line: l, text: excerpt(text, l - 1, l - 2 + findLines) };
      }),
    };
  const spans = tolerantSpans(text, find);
  if (spans.length === 1) {
    const s = spans[0] as LineSpan;
    return { ok: true, how: 'tolerant', line: s.first + 1, text: excerpt(text, s.first, s.last) };
  }
  if (spans.length > 1)
    return {
      ok: false,
      reason: 'ambiguous',
      how: 'tolerant',
      candidates: spans.map((s) => ({ line: s.first + 1, text: excerpt(text, s.first, s.last) })),
    };
  const alreadyMutant = replace.trim() !== '' && (text.includes(replace) || tolerantSpans(text, replace).length > 0);
  return { ok: false, reason: 'no-match', alreadyMutant };
}

const indentOf = (l: string): string => /^[ \t]*/.exec(l)?.[0] ?? '';

/** Re-indent one replacement line: its indentation relative to the anchor's, on top of the file's. */
function reindentLine(l: string, anchorIndent: string, fileIndent: string): string {
  if (isBlank(l)) return '';
  const own = indentOf(l);
  const rel = own.startsWith(anchorIndent) ? own.slice(anchorIndent.length) : '';
  return fileIndent + rel + l.slice(own.length);
}

/** Apply one edit; the caller has checked that matchEdit(...) is ok. */
export function applyEdit(text: string, find: string, replace: string): string {
  const exact = exactOffsets(text, find);
  if (exact.length === 1) {
    const at = exact[0] ?? 0;
    return text.slice(0, at) + replace + text.slice(at + find.length);
  }
  const span = tolerantSpans(text, find)[0];
  if (!span) throw new Error('applyEdit: no unique match (call matchEdit first)');
  const eol = eolOf(text);
  const lines = text.split('\n');
  const cr = (i: number): string => ((lines[i] ?? '').endsWith('\r') ? '\r' : '');
  const bare = (i: number): string => (lines[i] ?? '').replace(/\r$/, '');
  const F = find.split(/\r?\n/).filter((l) => !isBlank(l));
  const R = replace.split(/\r?\n/);
  while (R.length > 0 && isBlank(R[0] ?? '')) R.shift();
  while (R.length > 0 && isBlank(R[R.length - 1] ?? '')) R.pop();
  // Common leading/trailing lines of anchor and replacement stay the learner's bytes.
  let pre = 0;
  while (pre < F.length && pre < R.length && normLine(F[pre] ?? '') === normLine(R[pre] ?? '')) pre++;
  let suf = 0;
  while (
    suf < F.length - pre &&
    suf < R.length - pre &&
    normLine(F[F.length - 1 - suf] ?? '') === normLine(R[R.length - 1 - suf] ?? '')
  )
    suf++;
  const midR = R.slice(pre, R.length - suf);
  const changed = span.lines.slice(pre, F.length - suf);
  // Where the new lines go, and which indentation they take.
  const refAnchor = F[pre] ?? F[pre - 1] ?? F[0] ?? '';
  const refFileLine = changed[0] ?? span.lines[pre - 1] ?? span.lines[0] ?? 0;
  const body = midR.map((l) => reindentLine(l, indentOf(refAnchor), indentOf(bare(refFileLine))));
  const out: string[] = [];
  if (changed.length === 0) {
    // Pure insertion after the last common leading line (or before the first trailing one).
    const after = span.lines[pre - 1];
    const at = after !== undefined ? after + 1 : (span.lines[pre] ?? 0);
    return [...lines.slice(0, at), ...body.map((l) => l + (eol === '\r\n' ? '\r' : '')), ...lines.slice(at)].join('\n');
  }
  const from = changed[0] ?? 0;
  const to = changed[changed.length - 1] ?? from;
  out.push(...lines.slice(0, from), ...body.map((l) => l + cr(from)), ...lines.slice(to + 1));
  return out.join('\n');
}

export interface EditOutcome {
  ok: true;
  text: string;
  matches: { line: number; how: MatchHow }[];
}
export interface EditRefusal {
  ok: false;
  index: number;
  match: Exclude<Match, { ok: true }>;
}

/** Apply several edits to the same text in order; each must match exactly once where it lands. */
export function applyEdits(
  text: string,
  edits: readonly { find: string; replace: string }[],
): EditOutcome | EditRefusal {
  let cur = text;
  const matches: EditOutcome['matches'] = [];
  for (const [index, e] of edits.entries()) {
    const m = matchEdit(cur, e.find, e.replace);
    if (!m.ok) return { ok: false, index, match: m };
    matches.push({ line: m.line, how: m.how });
    cur = applyEdit(cur, e.find, e.replace);
  }
  return { ok: true, text: cur, matches };
}
