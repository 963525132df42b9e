/** all / any: a check made of checks. `any` stops at the first pass (no need to run the rest). */
import { fail, pass, type CheckContext, type CheckResult, type Engine, type Outcome } from '../types.js';
import type { Check } from '../../../schemas/generated/types.js';

export async function parts(
  of: readonly Check[],
  ctx: CheckContext,
  engine: Engine,
  stopAtPass: boolean,
): Promise<CheckResult[]> {
  const children: CheckResult[] = [];
  for (const [i, sub] of of.entries()) {
    const r = await engine.evaluate(sub, ctx, `${ctx.itemId ?? 'check'}.${i + 1}`);
    children.push(r);
    if (stopAtPass && r.status === 'pass') break;
  }
  return children;
}

export function summarize(mode: 'all' | 'any', children: CheckResult[]): Outcome {
  const by = (s: CheckResult['status']): CheckResult[] => children.filter((c) => c.status === s);
  const passed = by('pass').length;
  // a composite passed only through attestations says so (the report lists them)
  const attested = children.some((c) => c.status === 'pass' && c.attested === true) ? { attested: true } : {};
  if (mode === 'all') {
    const bad = children.find((c) => c.status === 'fail' || c.status === 'error');
    if (bad)
      return {
        ...fail(`${passed}/${children.length} parts pass; ${bad.title}: ${bad.message}`),
        status: bad.status === 'error' && by('fail').length === 0 ? 'error' : 'fail',
        children,
      };
    if (by('pending').length > 0)
      return {
        status: 'pending',
        message: `${passed}/${children.length} parts pass; ${by('pending').length} not run yet`,
        children,
      };
    const n = children.filter((c) => c.attested === true).length;
    return pass(`all ${children.length} parts pass${n > 0 ? ` (${n} by attestation)` : ''}`, { children, ...attested });
  }
  const winner = children.find((c) => c.status === 'pass');
  if (winner)
    return pass(`satisfied by: ${winner.title}${winner.attested === true ? ' (attestation)' : ''}`, {
      children,
      ...(winner.attested === true ? { attested: true } : {}),
    });
  if (by('pending').length > 0)
    return { status: 'pending', message: 'no alternative passes yet; some not run', children };
  return fail(`none of ${children.length} alternatives passes: ${children.map((c) => c.message).join(' | ')}`, {
    children,
  });
}

/** The parts' paths and problems, re-pointed under /of/<i> (the same for all and any). */
export const partPaths = (of: readonly Check[], engine: Pick<Engine, 'paths'>): [string, string][] =>
  of.flatMap((x, i) => engine.paths(x).map(([p, ptr]): [string, string] => [p, `/of/${i}${ptr}`]));
export const partProblems = (of: readonly Check[], engine: Pick<Engine, 'validate'>): [string, string][] =>
  of.flatMap((x, i) => engine.validate(x).map(([ptr, m]): [string, string] => [`/of/${i}${ptr}`, m]));
