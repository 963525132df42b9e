/** lynx manifest diff A B [--quiet]: argv → the manifest-diff use case → present (exit 1 on CODE or VERSIONS drift). */
import { manifestDiff } from '../../app/manifest-diff.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export function manifestDiffCommand(ctx: Ctx, o: { quiet?: boolean }, a: string, b: string): Promise<Outcome> {
  return present(ctx, 'manifest-diff', manifestDiff({ cwd: ctx.cwd, a, b }), { quiet: o.quiet === true });
}
