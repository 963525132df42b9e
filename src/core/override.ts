/**
 * A workspace curriculum override (lynx.yaml `curriculum:`) against the bundled curriculum (issue 15):
 * an override that drops a bundled DoD item, or changes its check, weakens the phase — phase 00's DoD
 * replaced by one `{kind: file, path: lynx.yaml}` closes with nothing learned. Adding items does not
 * weaken. The policy (`curriculum_override`) and `gate --strict` decide what the gate does. Pure.
 */
import type { Phase } from '../schemas/generated/types.js';
import type { CheckResult } from './checks/types.js';
import type { Policy } from './policy.js';

/** The bundled items the override drops or changes, each with what happened to it. */
export function weakenedItems(bundled: Phase, used: Phase): string[] {
  const now = new Map(used.dod.map((d) => [d.id, d]));
  const out: string[] = [];
  for (const b of bundled.dod) {
    const u = now.get(b.id);
    if (!u) out.push(`${b.id}: dropped`);
    else if (JSON.stringify(u.check) !== JSON.stringify(b.check))
      out.push(`${b.id}: its check changed (${b.check.kind} → ${u.check.kind})`);
  }
  return out;
}

/** The `gate:curriculum-override` check, or nothing when the override weakens nothing or the policy allows it. */
export function overrideCheck(
  phase: number,
  weakened: readonly string[],
  policy: Policy,
  strict: boolean,
): CheckResult | undefined {
  if (weakened.length === 0 || (policy.curriculum_override === 'allowed' && !strict)) return undefined;
  const refused = strict || policy.curriculum_override === 'refused';
  const why = strict
    ? 'gate --strict refuses it'
    : `lynx.yaml policy.curriculum_override: ${policy.curriculum_override}`;
  return {
    id: 'gate:curriculum-override',
    kind: 'curriculum',
    title: 'the workspace curriculum does not weaken the bundled DoD',
    status: refused ? 'fail' : 'warn',
    message:
      `the workspace curriculum weakens phase ${String(phase).padStart(2, '0')}'s DoD relative to the bundled one ` +
      `(${weakened.length} item(s): ${weakened.slice(0, 3).join('; ')}${weakened.length > 3 ? '; …' : ''}) — ` +
      `${why}`,
    evidence: weakened.slice(0, 40),
    expected: 'every bundled DoD item kept with its check',
    actual: `${weakened.length} weakened`,
  };
}
