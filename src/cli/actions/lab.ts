/**
 * lynx lab NN [ID] [--run]: argv → the lab listing, or a lab run (live ink view in a terminal, a
 * plain stream otherwise — on stderr under --json so stdout stays one JSON document) → present.
 */
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { nn, parsePhase } from '../../core/ids.js';
import { formatDuration } from '../../core/lab.js';
import type { LabRunResult } from '../../core/lab-results.js';
import type { LabRunOptions } from '../../app/lab-run.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

async function run(
  ctx: Ctx,
  a: { phase: number; id: string; only?: string | undefined; timeout?: string | undefined; extra: string[] },
): Promise<Outcome> {
  const [{ theme }, { labRun }] = await Promise.all([import('../../ui/theme.js'), import('../../app/lab-run.js')]);
  const t = theme();
  const opts: LabRunOptions = { cwd: ctx.cwd, learner: ctx.learner, ...a };
  let result: LabRunResult;
  if (ctx.isTTY && !ctx.json) {
    result = await (await import('../../ui/lab-run-ink.js')).runWithInk(opts, labRun);
  } else {
    const write = (s: string): boolean => (ctx.json ? process.stderr : process.stdout).write(s);
    let labels: string[] = [];
    result = await labRun({
      ...opts,
      onPlan: (l) => {
        labels = l;
      },
      onEvent: (e) => {
        if (e.type === 'output') write(e.chunk);
        else if (e.type === 'start') write(`${t.info('▶')} ${labels[e.index] ?? ''}\n`);
        else if (e.type === 'skip') write(`${t.dim('-')} ${labels[e.index] ?? ''} ${t.dim(`skipped: ${e.note}`)}\n`);
        else
          write(
            `${e.outcome === 'passed' ? t.ok('✓') : t.bad('✗')} ${labels[e.index] ?? ''}  ` +
              `${e.outcome.replace('_', ' ')}` +
              `${e.exitCode !== null && e.outcome === 'failed' ? ` (exit ${e.exitCode})` : ''}  ` +
              `${formatDuration(e.durationMs)}${e.note ? `  ${e.note}` : ''}` +
              `${e.log && e.outcome !== 'passed' ? t.dim(`  log: ${e.log}`) : ''}\n`,
          );
      },
    });
  }
  return present(ctx, 'lab-run', result);
}

export async function labCommand(
  ctx: Ctx,
  o: { run?: boolean; only?: string; timeout?: string; peeked?: boolean },
  nnArg: string,
  id: string | undefined,
  extra: string[],
): Promise<Outcome> {
  const phase = parsePhase(nnArg);
  if (o.peeked) {
    if (id === undefined || o.run)
      throw new UsageError('--peeked records one lab: `lynx lab NN ID --peeked` (without --run)');
    const { recordPeeked } = await import('../../app/lab-peeked.js');
    return present(
      ctx,
      'lab-peeked',
      await recordPeeked({ cwd: ctx.cwd, learner: ctx.learner, phase: nnArg, lab: id }),
    );
  }
  if (o.run) {
    if (id === undefined)
      throw new UsageError('which lab? `lynx lab NN ID --run`', { hint: `\`lynx lab ${nn(phase)}\` lists the labs.` });
    return run(ctx, { phase, id, only: o.only, timeout: o.timeout, extra });
  }
  if (o.only !== undefined || o.timeout !== undefined || extra.length > 0)
    throw new UsageError('--only, --timeout and extra arguments go with --run');
  const { labReport } = await import('../../app/lab.js');
  return present(ctx, 'lab', await labReport({ cwd: ctx.cwd, learner: ctx.learner, phase, id }));
}
