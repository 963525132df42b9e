/**
 * The GitHub Actions reporter: `::error` workflow commands for failing checks, `::warning` for every
 * waiver, every self-attested item and every warning, and the job summary (markdown). Pure: returns
 * the lines and the summary; the writing (stdout/stderr, $GITHUB_STEP_SUMMARY) is io/github.ts.
 * Escaping follows the runner's rules (the same as @actions/core's): data escapes % CR LF,
 * properties also : and ,.
 */
import { nn } from '../../core/ids.js';
import type { GateResult } from '../../schemas/generated/types.js';
import type { GithubOutput } from '../../core/results.js';
import { leaves } from './flatten.js';
import { markdown } from './markdown.js';

type Check = GateResult['checks'][number];

/** GitHub shows 10 error annotations per step: more would be dropped silently. */
export const MAX_ERRORS = 10;

const escData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string): string => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * The file a check's evidence points at (path or path:line), if any — only a relative path that
 * `exists` in the workspace: a temp log gone after the run, a number or a word is not a file.
 */
export function fileOf(c: Check, exists: (rel: string) => boolean): { file: string; line?: number } | undefined {
  for (const e of [...(c.evidence ?? []), c.message]) {
    const m = /^([\w./@+-]+)(?::(\d+))?/.exec(e.trim());
    const f = m?.[1];
    if (!f || /^\d+(\.\d+)*$/.test(f) || f.startsWith('/') || f.split('/').includes('..') || !exists(f)) continue;
    return { file: f, ...(m[2] ? { line: Number(m[2]) } : {}) };
  }
  return undefined;
}

export function command(
  name: 'error' | 'warning',
  message: string,
  props: Record<string, string | number | undefined>,
): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escProp(String(v))}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escData(message)}`;
}

/** `learners` (gate --all-learners): the job summary starts with the class table. */
export function github(
  results: readonly GateResult[],
  exists: (rel: string) => boolean = () => false,
  learners?: readonly string[],
): GithubOutput {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const r of results) {
    for (const c of leaves(r.checks)) {
      const title = `lynx gate ${nn(r.phase)} · ${r.learner} · ${c.id}`;
      const where = fileOf(c, exists);
      const at = { title, file: where?.file, line: where?.line };
      if (c.waived !== undefined) {
        warnings.push(command('warning', `waived: ${c.waived}`, at));
        continue;
      }
      if (c.attested === true)
        warnings.push(command('warning', `attested, not verified from evidence: ${c.message}`, at));
      else if (c.status === 'warn') warnings.push(command('warning', c.message, at));
      if (c.status === 'fail' || c.status === 'error') errors.push(command('error', c.message, at));
    }
  }
  const shown = errors.slice(0, MAX_ERRORS);
  if (errors.length > MAX_ERRORS)
    shown.push(
      command(
        'error',
        `${errors.length - MAX_ERRORS} more failing check(s): see the job summary or \`lynx gate --json\``,
        { title: 'lynx gate' },
      ),
    );
  return { commands: [...shown, ...warnings], summary: markdown(results, learners) };
}
