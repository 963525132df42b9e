/** all / any: a check made of checks. `any` stops at the first pass (no need to run the rest). */
import type { Check } from '../../../schemas/generated/types.js';
import { fail, pass, type CheckContext, type CheckResult, type KindImpl, type Outcome } from '../types.js';

export type Evaluate = (check: Check, ctx: CheckContext, id: string) => Promise<CheckResult>;

export function composite(evaluate: Evaluate): { all: KindImpl<'all'>; any: KindImpl<'any'> } {
  const all: KindImpl<'all'> = async (c, ctx) => {
    const children: CheckResult[] = [];
    for (const [i, sub] of c.of.entries()) children.push(await evaluate(sub, ctx, `${ctx.itemId ?? 'check'}.${i + 1}`));
    return summarize('all', children);
  };
  const any: KindImpl<'any'> = async (c, ctx) => {
    const children: CheckResult[] = [];
    for (const [i, sub] of c.of.entries()) {
      const r = await evaluate(sub, ctx, `${ctx.itemId ?? 'check'}.${i + 1}`);
      children.push(r);
      if (r.status === 'pass') break;
    }
    return summarize('any', children);
  };
  return { all, any };
}

function summarize(mode: 'all' | 'any', children: CheckResult[]): Outcome {
  const by = (s: CheckResult['status']): CheckResult[] => children.filter((c) => c.status === s);
  const passed = by('pass').length;
  if (mode === 'all') {
    const bad = children.find((c) => c.status === 'fail' || c.status === 'error');
    if (bad) return { ...fail(`${passed}/${children.length} parts pass; ${bad.title}: ${bad.message}`), status: bad.status === 'error' && by('fail').length === 0 ? 'error' : 'fail', children };
    if (by('pending').length > 0) return { status: 'pending', message: `${passed}/${children.length} parts pass; ${by('pending').length} not run yet`, children };
    return pass(`all ${children.length} parts pass`, { children });
  }
  if (passed > 0) return pass(`satisfied by: ${children.find((c) => c.status === 'pass')?.title ?? ''}`, { children });
  if (by('pending').length > 0) return { status: 'pending', message: 'no alternative passes yet; some not run', children };
  return fail(`none of ${children.length} alternatives passes: ${children.map((c) => c.message).join(' | ')}`, { children });
}
