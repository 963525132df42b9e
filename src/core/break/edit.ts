/**
 * Applying a break's edit (`find` → `replace`) to a file's text. An exact match is tried first;
 * if there is none, a whitespace-tolerant match over whole lines (indentation and runs of spaces
 * ignored) — the pages often show code without its surrounding indentation. Exactly one match
 * applies; several are a refusal that lists the candidates; none is a refusal too.
 */

export interface Candidate { line: number; text: string }
export type MatchHow = 'exact' | 'whitespace-tolerant';

export type Match =
  | { ok: true; how: MatchHow; line: number; text: string }
  | { ok: false; reason: 'ambiguous'; how: MatchHow; candidates: Candidate[] }
  | { ok: false; reason: 'no-match'; alreadyMutant: boolean };

const norm = (l: string): string => l.trim().replace(/\s+/g, ' ');
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** Non-blank lines of a find/replace block, without leading/trailing blank lines. */
function blockLines(s: string): string[] {
  const lines = s.split(/\r?\n/);
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return lines;
}

function exactOffsets(text: string, find: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(find); i !== -1; i = text.indexOf(find, i + Math.max(1, find.length))) out.push(i);
  return out;
}

interface LineSpan { start: number; end: number; first: number; count: number }

/** Every window of whole lines whose normalised text equals the find block's. */
function tolerantSpans(text: string, find: string): LineSpan[] {
  const want = blockLines(find).map(norm);
  if (want.length === 0) return [];
  const lines = text.split('\n');
  const starts: number[] = [];
  let off = 0;
  for (const l of lines) { starts.push(off); off += l.length + 1; }
  const spans: LineSpan[] = [];
  for (let i = 0; i + want.length <= lines.length; i++) {
    if (want.every((w, j) => norm(lines[i + j] ?? '') === w)) {
      const last = i + want.length - 1;
      const lastLine = (lines[last] ?? '').replace(/\r$/, '');
      spans.push({ start: starts[i] ?? 0, end: (starts[last] ?? 0) + lastLine.length, first: i + 1, count: want.length });
      i = last; // matches do not overlap
    }
  }
  return spans;
}

const excerpt = (text: string, line: number, count: number): string => text.split('\n').slice(line - 1, line - 1 + count).map((l) => l.replace(/\r$/, '')).join('\n');

export function matchEdit(text: string, find: string, replace: string): Match {
  const exact = exactOffsets(text, find);
  if (exact.length === 1) return { ok: true, how: 'exact', line: lineAt(text, exact[0] ?? 0), text: find };
  const findLines = find.split('\n').length;
  if (exact.length > 1) return { ok: false, reason: 'ambiguous', how: 'exact', candidates: exact.map((o) => { const l = lineAt(text, o); return { line: l, text: excerpt(text, l, findLines) }; }) };
  const spans = tolerantSpans(text, find);
  if (spans.length === 1) { const s = spans[0] as LineSpan; return { ok: true, how: 'whitespace-tolerant', line: s.first, text: excerpt(text, s.first, s.count) }; }
  if (spans.length > 1) return { ok: false, reason: 'ambiguous', how: 'whitespace-tolerant', candidates: spans.map((s) => ({ line: s.first, text: excerpt(text, s.first, s.count) })) };
  const alreadyMutant = replace.trim() !== '' && (text.includes(replace) || tolerantSpans(text, replace).length > 0);
  return { ok: false, reason: 'no-match', alreadyMutant };
}

const indentOf = (l: string): string => /^[ \t]*/.exec(l)?.[0] ?? '';

/** Re-indent the replacement so its first line sits at the matched block's indentation. */
function reindent(replace: string, findFirst: string, fileFirst: string, eol: string): string {
  const from = indentOf(findFirst);
  const to = indentOf(fileFirst);
  return blockLines(replace).map((l) => {
    if (l.trim() === '') return '';
    return to + (l.startsWith(from) ? l.slice(from.length) : l.replace(/^[ \t]*/, ''));
  }).join(eol);
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
  const fileFirst = text.slice(span.start, text.indexOf('\n', span.start) === -1 ? text.length : text.indexOf('\n', span.start));
  const body = reindent(replace, blockLines(find)[0] ?? '', fileFirst, eolOf(text));
  return text.slice(0, span.start) + body + text.slice(span.end);
}

export interface EditOutcome { ok: true; text: string; matches: { line: number; how: MatchHow }[] }
export interface EditRefusal { ok: false; index: number; match: Exclude<Match, { ok: true }> }

/** Apply several edits to the same text in order; each must match exactly once where it lands. */
export function applyEdits(text: string, edits: readonly { find: string; replace: string }[]): EditOutcome | EditRefusal {
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
