/**
 * One table of check kinds, one evaluator. Adding a kind = one implementation + one line here
 * (and its branch in src/schemas/phase.schema.json).
 */
import type { Check } from '../../schemas/generated/types.js';
import type { CheckContext, CheckResult, KindImpl } from './types.js';
import { InputError } from '../errors.js';
import { file, glob, written, grep, checklist } from './kinds/files.js';
import { manifest, json } from './kinds/manifest.js';
import { command, commandLabel } from './kinds/command.js';
import { quiz, breakDone, attest } from './kinds/state.js';
import { gitClean, gitOrder } from './kinds/git.js';
import { composite } from './kinds/compose.js';

export function describe(check: Check, x: (p: string) => string = (p) => p): string {
  if (check.title) return check.title;
  switch (check.kind) {
    case 'file': return `file ${x(check.path)}`;
    case 'glob': return `files ${x(check.pattern)}`;
    case 'manifest': return `manifest ${x(check.path)}${check.assert?.length ? ` (${check.assert.join(', ')})` : ''}`;
    case 'json': return `json ${x(check.path)}`;
    case 'command': return `\`${commandLabel(check)}\``;
    case 'checklist': return `checklist ${x(check.path)}`;
    case 'quiz': return 'quiz passed';
    case 'break': return 'break done and restored';
    case 'written': return `written ${x(check.path)}${check.min_words ? ` (≥ ${check.min_words} words)` : ''}`;
    case 'grep': return `/${check.pattern}/ in ${x(check.path)}`;
    case 'git-clean': return 'tree committed';
    case 'git-order': return `${x(check.first)} before ${x(check.then)}`;
    case 'attest': return check.prompt ?? 'attested';
    case 'all': return `all of ${check.of.length}`;
    case 'any': return `any of ${check.of.length}`;
  }
}

export async function evaluate(check: Check, ctx: CheckContext, id: string): Promise<CheckResult> {
  const impl = KINDS[check.kind] as KindImpl | undefined;
  const base = { id, kind: check.kind, title: describe(check, (p) => ctx.expand(p)) };
  if (!impl) return { ...base, status: 'error', message: `unknown check kind "${check.kind}"` };
  const t0 = performance.now();
  try {
    const out = await impl(check, ctx);
    return { ...base, ...out, duration_ms: Math.round(performance.now() - t0) };
  } catch (err) {
    // corrupt input (a manifest that is not JSON) stops the whole gate with file:line:col, exit 2
    if (err instanceof InputError) throw err;
    return { ...base, status: 'error', message: `could not evaluate: ${(err as Error).message}`, duration_ms: Math.round(performance.now() - t0) };
  }
}

const { all, any } = composite(evaluate);

export const KINDS: { [K in Check['kind']]: KindImpl<K> } = {
  file, glob, manifest, json, command, checklist, quiz, break: breakDone, written, grep,
  'git-clean': gitClean, 'git-order': gitOrder, attest, all, any,
};
