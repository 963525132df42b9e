/** `lynx doctor NN`'s phase section: the tools a phase runs, and what each missing one blocks. */
import type { DoctorReport } from '../schemas/generated/types.js';
import { nn } from '../core/ids.js';
import { table, type Theme } from './theme.js';

type Section = NonNullable<DoctorReport['phase']>;
type Tool = Section['tools'][number];

const WHERE: Record<Tool['kind'], string> = {
  path: '',
  env: " (in uv's environment)",
  module: ' (python module)',
  capability: ' (capability)',
};

const uses = (x: Tool): string => {
  const shown = x.used_by
    .slice(0, 3)
    .map((u) => `${u.ref} \`${u.ran ?? u.command}\`${u.via ? ` via \`${u.via}\`` : ''}`);
  return shown.join(' · ') + (x.used_by.length > 3 ? ` · +${x.used_by.length - 3} more` : '');
};

export function renderPhaseTools(s: Section, t: Theme): string[] {
  const out = [t.bold(`Phase ${nn(s.id)} — ${s.title}: the tools its labs and DoD run`)];
  if (s.tools.length === 0) out.push(t.dim('  no command of this phase runs a tool (its checks read files)'));
  const sorted = [...s.tools].sort((a, b) => Number(a.found) - Number(b.found));
  out.push(
    table(
      sorted.map((x) => [
        x.found ? t.ok('✓') : t.bad('✗'),
        `${x.name}${WHERE[x.kind]}`,
        x.found ? (x.version ?? (x.kind === 'path' ? '?' : 'yes')) : 'missing',
        t.dim(x.found ? (x.path ?? '') : (x.missing ?? '')),
      ]),
    ).join('\n'),
  );
  for (const x of sorted.filter((y) => !y.found)) {
    out.push(`${t.bad('✗')} without ${t.bold(x.name)}: ${x.impossible ?? ''}`);
    out.push(t.dim(`    ${uses(x)}`));
  }
  if (s.runner) {
    const pairs = Object.entries(s.runner.mapping)
      .map(([k, v]) => `"${k}" → "${v}"`)
      .join(', ');
    out.push(
      s.runner.in_effect
        ? `${t.warn('!')} runner in lynx.yaml (${pairs}) is in effect: ${s.runner.covers.join(', ')} missing, ` +
            `${s.runner.commands} command(s) run through it; the CI gate, with uv, runs the real ones`
        : `${t.dim('·')} runner in lynx.yaml (${pairs}): not in effect here (${
            s.runner.covers.length ? 'no command of this phase starts with its prefix' : 'uv is on PATH'
          })`,
    );
    if (s.runner.unreached.length > 0)
      out.push(
        t.dim(
          `    not rewritten: ${s.runner.unreached.map((c) => `\`${c}\``).join(', ')} (the recipe's own lines run uv; ` +
            'change the Justfile or install uv)',
        ),
      );
  }
  for (const u of s.unresolved) out.push(`${t.warn('?')} ${u}`);
  return out;
}
