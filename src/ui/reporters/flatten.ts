/**
 * Nested checks (all/any children) flattened into leaves, for the CI reporters: each leaf becomes
 * one annotation / JUnit test case, named "parent > child". A child inherits its parent's waiver
 * and attestation; a failing alternative of an `any` that passed is not a failure (the parent
 * passed through another child), so it is reported as skipped, with why.
 */
import type { GateResult } from '../../schemas/generated/types.js';

type Check = GateResult['checks'][number];

const failed = (c: Check): boolean => c.status === 'fail' || c.status === 'error';

export function leaves(checks: readonly Check[], prefix = ''): Check[] {
  return checks.flatMap((c): Check[] => {
    const id = `${prefix}${c.id}`;
    if (!c.children?.length) return [{ ...c, id }];
    return leaves(c.children, `${id} > `).map((k) => ({
      ...k,
      ...((k.waived ?? c.waived) !== undefined ? { waived: k.waived ?? c.waived } : {}),
      ...((k.attested ?? c.attested) ? { attested: true } : {}),
      ...(failed(k) && !failed(c)
        ? { status: 'skipped' as const, message: `not needed (${c.id} passed): ${k.message}` }
        : {}),
    }));
  });
}
