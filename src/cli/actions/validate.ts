/** lynx validate [DIR] | --breaks WORKSPACE: argv → the validate use case → present. */
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function validateCommand(
  ctx: Ctx,
  dir: string | undefined,
  breaks?: string | true,
  checks = false,
): Promise<Outcome> {
  if (breaks !== undefined) {
    if (dir !== undefined) throw new UsageError('give either a DIR or --breaks [WORKSPACE], not both');
    // --breaks alone: the self-test of every exact-edit break on the labs' files; with a workspace: the dry run there
    if (breaks === true) {
      const { selfTestBreaks } = await import('../../app/break/self-test.js');
      return present(ctx, 'break-self-test', await selfTestBreaks());
    }
    const { validateBreaks } = await import('../../app/validate-breaks.js');
    return present(ctx, 'validate-breaks', await validateBreaks({ cwd: ctx.cwd, dir: breaks }));
  }
  const { validate } = await import('../../app/validate.js');
  return present(ctx, 'validate', await validate({ cwd: ctx.cwd, dir, checks }));
}
