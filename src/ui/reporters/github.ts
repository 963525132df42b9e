/**
 * The GitHub Actions reporter: an `::error` workflow command per failing check, on the file it names
 * when it names one, and the job summary (markdown). Pure: returns the lines and the summary; the
 * writing (stdout, $GITHUB_STEP_SUMMARY) is io/github.ts. Escaping follows the runner's rules (the
 * same as @actions/core's): data escapes % CR LF, properties also : and ,.
 */
import { nn } from '../../core/ids.js';
import type { GateResult } from '../../schemas/generated/types.js';
import type { GithubOutput } from '../../core/results.js';
import { markdown } from './markdown.js';

type Check = GateResult['checks'][number];

const escData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string): string => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The file a check's evidence points at (path or path:line), if any. */
export function fileOf(c: Check): { file: string; line?: number } | undefined {
  for (const e of [...(c.evidence ?? []), c.message]) {
    const m = /^([\w./@+-]+\.[\w]+)(?::(\d+))?/.exec(e.trim());
    if (m?.[1] && !m[1].startsWith('http')) return { file: m[1], ...(m[2] ? { line: Number(m[2]) } : {}) };
  }
  return undefined;
}

export function command(name: 'error' | 'warning', message: string, props: Record<string, string | number | undefined>): string {
  const p = Object.entries(props).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escProp(String(v))}`).join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escData(message)}`;
}

export function github(results: readonly GateResult[]): GithubOutput {
  const commands: string[] = [];
  for (const r of results) {
    for (const c of r.checks) {
      if (c.waived === undefined && c.status === 'warn') commands.push(command('warning', c.message, { title: `lynx gate ${nn(r.phase)} · ${c.id}` }));
      if (c.waived !== undefined || (c.status !== 'fail' && c.status !== 'error')) continue;
      const where = fileOf(c);
      commands.push(command('error', c.message, { title: `lynx gate ${nn(r.phase)} · ${c.id}`, file: where?.file, line: where?.line }));
    }
  }
  return { commands, summary: markdown(results) };
}
