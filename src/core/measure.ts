/** Measurements a report quotes, parsed from what the recipes printed (pure). */

export interface TestCount {
  tests: number;
  failed: number;
  seconds: number | null;
  runner: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

const count = (text: string, word: RegExp): number =>
  [...text.matchAll(word)].reduce((n, m) => n + Number(m[1] ?? 0), 0);

/**
 * The test runner's own summary line, from a recipe's output (colours stripped):
 * unittest "Ran N tests in Xs" (+ "FAILED (failures=…, errors=…)"), pytest "N passed[, M failed] in Xs"
 * with or without its ===== frame (-q prints none), vitest " Tests  M failed | N passed (T)".
 */
export function parseTestCounts(raw: string): TestCount | undefined {
  const output = raw.replace(ANSI, '');
  const ut = /Ran (\d+) tests? in ([\d.]+)s/.exec(output);
  if (ut) {
    const failed = /FAILED \((?:failures=(\d+))?(?:, )?(?:errors=(\d+))?/.exec(output);
    return {
      tests: Number(ut[1]),
      failed: failed ? Number(failed[1] ?? 0) + Number(failed[2] ?? 0) : 0,
      seconds: Number(ut[2]),
      runner: 'unittest',
    };
  }
  const vi = /^\s*Tests\s+((?:\d+ [a-z]+(?:\s*\|\s*)?)+)\s*\((\d+)\)/m.exec(output);
  if (vi) {
    const d = /^\s*Duration\s+([\d.]+)\s*(ms|s)\b/m.exec(output);
    return {
      tests: Number(vi[2]),
      failed: count(vi[1] ?? '', /(\d+) failed/g),
      seconds: d ? Number(d[1]) / (d[2] === 'ms' ? 1000 : 1) : null,
      runner: 'vitest',
    };
  }
  const py =
    /^[=\s]*((?:\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed|warnings?|deselected)(?:, )?)+) in ([\d.]+)s\b/m.exec(
      output,
    );
  if (py && /\d+ (passed|failed|errors?)\b/.test(py[1] ?? '')) {
    const parts = py[1] ?? '';
    const failed = count(parts, /(\d+) failed/g) + count(parts, /(\d+) errors?/g);
    return { tests: count(parts, /(\d+) passed/g) + failed, failed, seconds: Number(py[2]), runner: 'pytest' };
  }
  return undefined;
}

const LANG: Record<string, string> = {
  py: 'Python',
  pyi: 'Python',
  ipynb: 'Notebook',
  ts: 'TypeScript',
  tsx: 'TypeScript',
  js: 'JavaScript',
  mjs: 'JavaScript',
  md: 'Markdown',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  toml: 'TOML',
  sh: 'Shell',
  bash: 'Shell',
  c: 'C',
  h: 'C',
  cu: 'CUDA',
  cpp: 'C++',
  hpp: 'C++',
  rs: 'Rust',
  go: 'Go',
  sql: 'SQL',
  html: 'HTML',
  css: 'CSS',
  cfg: 'Config',
  ini: 'Config',
  txt: 'Text',
};

export function languageOf(path: string): string | undefined {
  const base = path.split('/').pop() ?? path;
  if (/^(justfile|Justfile|\.justfile)$/.test(base)) return 'Just';
  if (base === 'Dockerfile') return 'Dockerfile';
  const ext = /\.([A-Za-z0-9]+)$/.exec(base)?.[1]?.toLowerCase();
  return ext ? LANG[ext] : undefined;
}

export interface LangRow {
  language: string;
  files: number;
  lines: number;
}

export function tallyLines(files: readonly { path: string; lines: number }[]): LangRow[] {
  const by = new Map<string, LangRow>();
  for (const f of files) {
    const lang = languageOf(f.path);
    if (!lang) continue;
    const row = by.get(lang) ?? { language: lang, files: 0, lines: 0 };
    row.files++;
    row.lines += f.lines;
    by.set(lang, row);
  }
  return [...by.values()].sort((a, b) => b.lines - a.lines);
}
