/**
 * A small unified line diff for refusals ("the file is no longer the recorded mutant: here is
 * what changed"). Common prefix and suffix are trimmed first, so the LCS table only covers the
 * changed middle; a huge middle degrades to one hunk rather than a huge table.
 */

type Op = { t: ' ' | '-' | '+'; line: string };

const MAX_CELLS = 4_000_000;

function middleOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_CELLS)
    return [...a.map((line) => ({ t: '-' as const, line })), ...b.map((line) => ({ t: '+' as const, line }))];
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ t: ' ', line: a[i] ?? '' });
      i++;
      j++;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) ops.push({ t: '-', line: a[i++] ?? '' });
    else ops.push({ t: '+', line: b[j++] ?? '' });
  }
  while (i < a.length) ops.push({ t: '-', line: a[i++] ?? '' });
  while (j < b.length) ops.push({ t: '+', line: b[j++] ?? '' });
  return ops;
}

function lines(s: string): string[] {
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l.map((x) => x.replace(/\r$/, ''));
}

/** Unified diff of two texts (`---`/`+++` headers, @@ hunks with `context` lines); '' when equal. */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { a: string; b: string },
  context = 3,
  maxLines = 80,
): string {
  if (before === after) return '';
  const a = lines(before);
  const b = lines(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: Op[] = [
    ...a.slice(0, pre).map((line) => ({ t: ' ' as const, line })),
    ...middleOps(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf)),
    ...a.slice(a.length - suf).map((line) => ({ t: ' ' as const, line })),
  ];
  if (!ops.some((o) => o.t !== ' '))
    return `--- ${labels.a}\n+++ ${labels.b}\n(only line endings or the final newline differ)\n`;
  // Group changes into hunks with `context` lines around them.
  const out = [`--- ${labels.a}`, `+++ ${labels.b}`];
  let k = 0;
  let ai = 1;
  let bi = 1;
  const pos: { a: number; b: number }[] = ops.map((o) => {
    const p = { a: ai, b: bi };
    if (o.t !== '+') ai++;
    if (o.t !== '-') bi++;
    return p;
  });
  while (k < ops.length) {
    while (k < ops.length && ops[k]?.t === ' ') k++;
    if (k >= ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    for (;;) {
      while (end < ops.length && ops[end]?.t !== ' ') end++;
      let look = end;
      while (look < ops.length && ops[look]?.t === ' ' && look - end < context * 2) look++;
      if (look < ops.length && ops[look]?.t !== ' ' && look - end < context * 2) {
        end = look;
        continue;
      }
      break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const p = pos[start] ?? { a: 1, b: 1 };
    out.push(
      `@@ -${p.a},${hunk.filter((o) => o.t !== '+').length} +${p.b},${hunk.filter((o) => o.t !== '-').length} @@`,
    );
    for (const o of hunk) out.push(`${o.t}${o.line}`);
    k = stop;
  }
  if (out.length > maxLines)
    return `${out.slice(0, maxLines).join('\n')}\n… (${out.length - maxLines} more diff lines)\n`;
  return `${out.join('\n')}\n`;
}
