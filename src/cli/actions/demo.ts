/** lynx demo [--dir DIR]: argv → the demo use case (with the ritual's steps) → present; each step prints as it
 * finishes. */
import { join } from 'node:path';
import { demo } from '../../app/demo.js';
import type { Outcome } from '../../core/exit-codes.js';
import { packageRoot } from '../../io/pkg.js';
import { pasteable } from '../../io/tools.js';
import type { Ctx } from '../context.js';
import { demoSteps } from '../demo-steps/index.js';
import { present } from '../present.js';

export async function demoCommand(ctx: Ctx, dir: string | undefined): Promise<Outcome> {
  const t = (await import('../../ui/theme.js')).theme();
  const r = await demo({
    cwd: ctx.cwd,
    dir,
    steps: demoSteps,
    onStep: ctx.json
      ? undefined
      : (s) => {
          ctx.out(`${s.ok ? t.ok('✓') : t.bad('✗')} ${t.bold(s.title)}  ${t.dim(`$ ${s.command}`)}`);
          ctx.out(
            s.output
              .split('\n')
              .map((l) => `    ${l}`)
              .join('\n'),
          );
        },
  });
  const bin = join(packageRoot(), 'bin', 'lynx.js');
  const { lynx, just } = pasteable(bin);
  const tryNext = [
    `cd ${/^[\w@%+=:,./-]+$/.test(r.dir) ? r.dir : `'${r.dir.replace(/'/g, `'\\''`)}'`}`,
    `${lynx} status`,
    `${lynx} doctor`,
    `${just} test`,
    `${just} exp 00-seeding-demo`,
  ];
  return present(ctx, 'demo', { ...r, try_next: tryNext }, { bin });
}
