/** `lynx doctor [NN]`: the tools lynx needs, the workspace's health, and a phase's tools when asked. */
import type { DoctorReport } from '../schemas/generated/types.js';
import { nn } from '../core/ids.js';
import { table, type Theme } from './theme.js';

export async function renderDoctor(r: DoctorReport, t: Theme): Promise<string[]> {
  const out = [t.bold(`lynx ${r.lynx_version} on node ${r.node}`)];
  out.push(
    table(
      r.tools.map((x) => [
        x.found ? t.ok('✓') : x.required ? t.bad('✗') : t.warn('!'),
        x.name,
        x.found ? (x.version ?? '?') : 'not found',
        t.dim(
          x.found
            ? `${x.path ?? ''}${x.source === 'rust-just' ? ' (bundled rust-just)' : ''}`
            : `${x.required ? 'required' : 'optional'}: ${x.purpose}`,
        ),
      ]),
    ).join('\n'),
  );
  out.push('');
  if (!r.workspace)
    return [...out, t.dim('not inside a lynx workspace (run `lynx init --learner NAME` in a git repository)')];
  out.push(t.bold(`workspace ${r.workspace.root}`));
  for (const c of r.workspace.checks) {
    const mark = c.status === 'ok' ? t.ok('✓') : c.status === 'warn' ? t.warn('!') : t.bad('✗');
    out.push(`${mark} ${c.message}`);
    if (c.status !== 'ok' && c.hint) out.push(t.dim(`    ${c.hint}`));
  }
  if (r.current_phase !== undefined)
    out.push(
      t.dim(`phase ${nn(r.current_phase)} is open: \`lynx doctor ${nn(r.current_phase)}\` lists the tools it runs`),
    );
  if (r.phase) out.push('', ...(await import('./phase-tools-view.js')).renderPhaseTools(r.phase, t));
  return out;
}
