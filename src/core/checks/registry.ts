/**
 * One table of check kinds, one engine. Adding a kind = one file in kinds/ + one line in KINDS
 * (the compiler refuses an incomplete table) + its branch in src/schemas/phase.schema.json.
 */
import type { Check } from '../../schemas/generated/types.js';
import type { CheckContext, CheckResult, Engine, Kind, KindDef, Outcome } from './types.js';
import { InputError } from '../errors.js';
import { file } from './kinds/file.js';
import { glob } from './kinds/glob.js';
import { manifest } from './kinds/manifest.js';
import { json } from './kinds/json.js';
import { command } from './kinds/command.js';
import { checklist } from './kinds/checklist.js';
import { quiz } from './kinds/quiz.js';
import { breakDone } from './kinds/break.js';
import { written } from './kinds/written.js';
import { grep } from './kinds/grep.js';
import { gitClean } from './kinds/git-clean.js';
import { gitOrder } from './kinds/git-order.js';
import { attest } from './kinds/attest.js';
import { all } from './kinds/all.js';
import { any } from './kinds/any.js';

export const KINDS: { [K in Kind]: KindDef<K> } = {
  file,
  glob,
  manifest,
  json,
  command,
  checklist,
  quiz,
  break: breakDone,
  written,
  grep,
  'git-clean': gitClean,
  'git-order': gitOrder,
  attest,
  all,
  any,
};

// The table is indexed by the check's own kind, so the definition always matches the check.
const def = (check: Check): KindDef<Kind> | undefined =>
  (KINDS as Record<string, KindDef<Kind> | undefined>)[check.kind];

/** Time a piece of checking and turn an unexpected throw into an `error` result (every check, ritual ones too). */
export async function timed(
  base: { id: string; kind: string; title: string },
  body: () => Promise<Outcome> | Outcome,
): Promise<CheckResult> {
  const t0 = performance.now();
  try {
    const out = await body();
    return { ...base, ...out, duration_ms: Math.round(performance.now() - t0) };
  } catch (err) {
    // corrupt input (a manifest that is not JSON) stops the whole gate with file:line:col, exit 2
    if (err instanceof InputError) throw err;
    return {
      ...base,
      status: 'error',
      message: `could not evaluate: ${(err as Error).message}`,
      duration_ms: Math.round(performance.now() - t0),
    };
  }
}

export const engine: Engine = {
  title: (check, x = (p) => p) => check.title ?? def(check)?.title(check, x, engine) ?? check.kind,
  phrase: (check, p) => def(check)?.phrase(check, p, engine) ?? `unknown check kind "${check.kind}"`,
  paths: (check) => def(check)?.paths(check, engine) ?? [],
  validate: (check) =>
    def(check)
      ? (def(check) as KindDef<Kind>).validate(check, engine)
      : [['/kind', `unknown check kind "${check.kind}"`]],
  fixture: (check, w, want) => def(check)?.fixture(check, w, want, engine),
  async evaluate(check: Check, ctx: CheckContext, id: string): Promise<CheckResult> {
    const d = def(check);
    const base = { id, kind: check.kind, title: engine.title(check, (p) => ctx.expand(p)) };
    if (!d) return { ...base, status: 'error', message: `unknown check kind "${check.kind}"` };
    return timed(base, () => d.evaluate(check, ctx, engine));
  },
};

export const evaluate = (check: Check, ctx: CheckContext, id: string): Promise<CheckResult> =>
  engine.evaluate(check, ctx, id);
