/** Measurements a report quotes, parsed from what the recipes printed (pure). */

export interface TestCount { tests: number; failed: number; seconds: number | null; runner: string }

/** unittest's "Ran N tests in Xs", pytest's "N passed[, M failed] in Xs". */
export function parseTestCounts(output: string): TestCount | undefined {
  const ut = /Ran (\d+) tests? in ([\d.]+)s/.exec(output);
  if (ut) {
    const failed = /FAILED \((?:failures=(\d+))?(?:, )?(?:errors=(\d+))?/.exec(output);
    return { tests: Number(ut[1]), failed: failed ? Number(failed[1] ?? 0) + Number(failed[2] ?? 0) : 0, seconds: Number(ut[2]), runner: 'unittest' };
  }
  const py = /=+ (?:(\d+) failed, )?(\d+) passed(?:, (\d+) failed)?[^=]* in ([\d.]+)s/.exec(output);
  if (py) return { tests: Number(py[2]) + Number(py[1] ?? py[3] ?? 0), failed: Number(py[1] ?? py[3] ?? 0), seconds: Number(py[4]), runner: 'pytest' };
  return undefined;
}

const LANG: Record<string, string> = {
  py: 'Python', pyi: 'Python', ipynb: 'Notebook', ts: 'TypeScript', tsx: 'TypeScript', js: 'JavaScript', mjs: 'JavaScript',
  md: 'Markdown', yaml: 'YAML', yml: 'YAML', json: 'JSON', toml: 'TOML', sh: 'Shell', bash: 'Shell', c: 'C', h: 'C', cu: 'CUDA',
  cpp: 'C++', hpp: 'C++', rs: 'Rust', go: 'Go', sql: 'SQL', html: 'HTML', css: 'CSS', cfg: 'Config', ini: 'Config', txt: 'Text',
};

export function languageOf(path: string): string | undefined {
  const base = path.split('/').pop() ?? path;
  if (/^(justfile|Justfile|\.justfile)$/.test(base)) return 'Just';
  if (base === 'Dockerfile') return 'Dockerfile';
  const ext = /\.([A-Za-z0-9]+)$/.exec(base)?.[1]?.toLowerCase();
  return ext ? LANG[ext] : undefined;
}

export interface LangRow { language: string; files: number; lines: number }

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
