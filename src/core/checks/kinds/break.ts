/** break: the phase's break exercise done and restored, and no break journal left open. */
import { fail, pass, type KindDef } from '../types.js';
import { code, needsWord } from './shared.js';

export const breakDone: KindDef<'break'> = {
  title: () => 'break done and restored',
  phrase: (c, p) =>
    `${code(`lynx break ${p.nn}`)}${c.break !== undefined ? ` (${c.break})` : ''} done and restored` +
    `${needsWord(c.needs)}`,
  paths: () => [],
  validate: () => [],
  evaluate(c, ctx) {
    const b = ctx.state.checkpoint?.break;
    const journals = ctx.state.breakJournals;
    const n = String(ctx.phase.id).padStart(2, '0');
    if (journals.length > 0)
      return Promise.resolve(
        fail(`a break is still active (${journals.join(', ')}): restore it with \`lynx break ${n} restore\``, {
          evidence: journals,
        }),
      );
    if (ctx.phase.breaks.length === 0) return Promise.resolve(pass('this phase has no break'));
    if (!b || (c.break !== undefined && b.id !== c.break))
      return Promise.resolve(
        fail(`the break exercise has not been done (\`lynx break ${n}\`)`, {
          expected: 'done and restored',
          actual: 'not started',
        }),
      );
    if (b.state !== 'restored')
      return Promise.resolve(
        fail(`break ${b.id ?? ''} is ${b.state ?? 'not started'}, not restored`, {
          expected: 'restored',
          actual: b.state ?? 'none',
        }),
      );
    return Promise.resolve(pass(`break ${b.id ?? ''} done and restored (${b.hints_used ?? 0} hint(s) used)`));
  },
  fixture(c, w, want) {
    const id = c.break ?? w.phase.breaks[0]?.id;
    if (want === 'pass' && id !== undefined) w.state.checkpoint.break = { id, state: 'restored' } as never;
  },
};
