/** lynx class [--sort] [--filter] [--csv] [--html FILE]: argv → the class use case → present (CSV and HTML are two more
 * renderings of the same rows). */
import { classView } from '../../app/class.js';
import { toCsv, type ClassSort } from '../../core/class-view.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

const SORTS: ClassSort[] = ['learner', 'progress', 'activity'];

export async function classCommand(
  ctx: Ctx,
  o: { sort?: string; filter?: string; csv?: boolean; html?: string },
): Promise<Outcome> {
  if (o.sort !== undefined && !SORTS.includes(o.sort as ClassSort))
    throw new UsageError(`--sort ${o.sort}: expected one of ${SORTS.join(', ')}`);
  if (o.csv && ctx.json) throw new UsageError('give either --csv or --json, not both');
  const result = await classView({ cwd: ctx.cwd, sort: (o.sort ?? 'learner') as ClassSort, filter: o.filter });
  if (o.html !== undefined) {
    const [{ classHtml }, { writeAtomic }, path] = await Promise.all([
      import('../../ui/class-html.js'),
      import('../../io/fsx.js'),
      import('node:path'),
    ]);
    await writeAtomic(path.resolve(ctx.cwd, o.html), classHtml(result, `lynx class — ${path.basename(ctx.cwd)}`), {
      tmpBeside: true,
    });
    if (!ctx.json && !o.csv) {
      ctx.err(`wrote ${o.html}`);
    }
  }
  if (o.csv) {
    ctx.out(toCsv(result.learners).trimEnd());
    return { kind: 'class', result };
  }
  return present(ctx, 'class', result);
}
