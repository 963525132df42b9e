/** lynx migrate --cohort [--dry-run]: argv → the migrate use case → present. */
import { migrate } from '../../app/migrate.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function migrateCommand(ctx: Ctx, o: { cohort?: boolean; dryRun?: boolean }): Promise<Outcome> {
  return present(
    ctx,
    'migrate',
    await migrate({ cwd: ctx.cwd, learner: ctx.learner, cohort: o.cohort === true, dryRun: o.dryRun === true }),
  );
}
