/**
 * `lynx break NN [ID] <step>`: argv → one step's use case (src/app/break/*) → present. The questions a
 * step may ask in a terminal (a diagnosis, whether to apply an edit found elsewhere) are asked here.
 */
import { parseBreakArgs } from '../../core/break/model.js';
import type { BreakResult, LocatedTarget } from '../../core/break/results.js';
import type { Outcome } from '../../core/exit-codes.js';
import { UsageError } from '../../core/errors.js';
import { nn } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export interface BreakOpts { force?: boolean; manual?: boolean; file?: string[]; yes?: boolean }

async function readDiagnosis(ctx: Ctx, text: string | undefined, phase: number): Promise<string> {
  if (text !== undefined && text !== '-') return text;
  if (text === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!ctx.isTTY) throw new UsageError('no diagnosis given, and without a terminal lynx does not ask', { hint: `Pass it as text: \`lynx break ${nn(phase)} diagnose "what causes the symptom"\` (or \`-\` to read it from stdin).` });
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Your diagnosis (what causes the symptom?): ');
  } finally {
    rl.close();
  }
}

/** In a terminal: show the candidate lynx found (file, lines, diff) and ask before writing. */
async function askToApply(c: LocatedTarget): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  process.stdout.write(`lynx found the break's anchor in ${c.path}${c.path !== c.listed ? ` (the break names ${c.listed})` : ''}, line ${c.lines.join(', ')} (${c.how} match). It would apply:\n${c.diff}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question('Apply this edit? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}

export async function breakCommand(ctx: Ctx, o: BreakOpts, args: string[]): Promise<Outcome> {
  const a = parseBreakArgs(args);
  if (o.force && a.step !== 'restore') throw new UsageError('--force only applies to `restore`');
  if (o.manual && a.step !== 'start') throw new UsageError('--manual only applies to `start`');
  if ((o.file?.length ?? 0) > 0 && a.step !== 'start' && a.step !== 'confirm') throw new UsageError('--file only applies to `start` and `confirm`');
  if (o.yes && a.step !== 'start') throw new UsageError('--yes only applies to `start`');
  const session = { cwd: ctx.cwd, learner: ctx.learner };
  const stream = !ctx.json && ctx.isTTY;
  const onOutput = stream ? (s: string): void => { process.stdout.write(s); } : undefined;
  let r: BreakResult;
  const phase = a.phase ?? 0;
  switch (a.step) {
    case 'show': r = await (await import('../../app/break/show.js')).show(session, phase, a.id); break;
    case 'start': {
      const confirm = o.yes ? (): Promise<boolean> => Promise.resolve(true) : ctx.isTTY && !ctx.json ? askToApply : undefined;
      r = await (await import('../../app/break/start.js')).start(session, phase, a.id, { ...(o.manual ? { manual: true } : {}), ...(o.file ? { files: o.file } : {}), ...(onOutput ? { onOutput } : {}), ...(confirm ? { confirm } : {}) });
      break;
    }
    case 'confirm': r = await (await import('../../app/break/confirm.js')).confirm(session, phase, a.id, { ...(o.file ? { files: o.file } : {}), ...(onOutput ? { onOutput } : {}) }); break;
    case 'reveal': r = await (await import('../../app/break/hint-diagnose.js')).reveal(session, phase, a.id); break;
    case 'observe': r = await (await import('../../app/break/observe.js')).observe(session, phase, a.id, onOutput); break;
    case 'hint': r = await (await import('../../app/break/hint-diagnose.js')).hint(session, phase, a.id); break;
    case 'diagnose': r = await (await import('../../app/break/hint-diagnose.js')).diagnose(session, phase, a.id, await readDiagnosis(ctx, a.text, phase)); break;
    case 'restore': r = await (await import('../../app/break/restore.js')).restore(session, phase, a.id, { force: o.force === true, ...(onOutput ? { onOutput } : {}) }); break;
    case 'status': r = await (await import('../../app/break/status.js')).breakStatus(session, a.phase); break;
  }
  return present(ctx, 'break', { result: r, streamed: stream });
}
