/** lynx init: argv → the init use case → present. */
import { init } from '../../app/init.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function initCommand(
  ctx: Ctx,
  o: { ci?: boolean; claude?: boolean; mcp?: boolean } = {},
): Promise<Outcome> {
  return present(
    ctx,
    'init',
    await init({
      cwd: ctx.cwd,
      learner: ctx.learner,
      ci: o.ci === true,
      claude: o.claude === true,
      mcp: o.mcp === true,
    }),
  );
}
