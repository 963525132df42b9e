/** lynx manifest check [PATH…]: argv → the manifest-check use case → present. */
import { manifestCheck } from '../../app/manifest-check.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function manifestCheckCommand(ctx: Ctx, paths: string[]): Promise<Outcome> {
  return present(ctx, 'manifest-check', await manifestCheck({ cwd: ctx.cwd, paths }));
}
