/**
 * Matching lines inside a JSON file (a json or manifest check often reads the same file as a grep):
 * each line becomes one member of the object, written verbatim so the grep still sees it and the
 * file stays valid JSON. Duplicate keys are valid JSON (the last wins), so a line may repeat.
 */
const COMPLETIONS = ['', ' 1', ': 1', '"', '": 1', 'k": 1}', '}', ']', '"}'];

/** A member line that contains `line` verbatim, or undefined when no completion makes it JSON. */
function memberLine(line: string, i: number): string | undefined {
  const ok = (m: string): boolean => {
    try {
      JSON.parse(`{${m}}`);
      return true;
    } catch {
      return false;
    }
  };
  if (ok(line)) return line;
  for (const suffix of COMPLETIONS) {
    for (const m of [`"selftest_${i}": ${line}${suffix}`, `"selftest_${i}": "${line}${suffix}`]) if (ok(m)) return m;
  }
  return undefined;
}

/** `text` (a JSON object, or nothing) with the lines added as members; undefined if impossible. */
export function withMembers(text: string | undefined, lines: readonly string[]): string | undefined {
  let obj: unknown = {};
  try {
    if (text !== undefined && text.trim() !== '') obj = JSON.parse(text);
  } catch {
    obj = {};
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) obj = {};
  const members: string[] = [];
  for (const [i, l] of lines.entries()) {
    const m = memberLine(l, i);
    if (m === undefined) return undefined;
    members.push(`  ${m}`);
  }
  const base = JSON.stringify(obj, null, 2);
  if (members.length === 0) return `${base}\n`;
  const head = base === '{}' ? '{' : `${base.replace(/\n}$/, '')},`;
  return `${head}\n${members.join(',\n')}\n}\n`;
}
