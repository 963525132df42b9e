/** How a DoD check will be judged, in words, for the plan's §6 (one phrase per check kind). */
import type { Check } from '../schemas/generated/types.js';

const code = (s: string): string => `\`${s}\``;

function commandText(c: Extract<Check, { kind: 'command' }>): string {
  const env = Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v ?? ''} `).join('');
  const argv = c.just !== undefined ? ['just', c.just, ...(c.args ?? [])] : [...(c.argv ?? [])];
  return `${code(env + argv.join(' '))} exits ${c.expect_exit ?? 0}${c.timeout !== undefined ? ` within ${c.timeout} s` : ''}`;
}

export function describeCheck(c: Check, expand: (p: string) => string, nn: string, item: string): string {
  const needs = c.needs && c.needs.length > 0 ? ` (needs ${c.needs.join(', ')})` : '';
  const committed = (x: boolean | undefined): string => (x ?? true ? ', committed' : '');
  switch (c.kind) {
    case 'file': return `${code(expand(c.path))} exists${c.nonempty ?? true ? ', non-empty' : ''}${committed(c.committed)}${needs}`;
    case 'glob': return `≥ ${c.min ?? 1} file(s) match ${code(expand(c.pattern))}${committed(c.committed)}${needs}`;
    case 'manifest': return `manifest ${code(expand(c.path))}${(c.min ?? 1) > 1 ? ` (≥ ${c.min ?? 1})` : ''}: valid, git_dirty false, git_sha an ancestor of HEAD${c.assert?.length ? `, ${c.assert.map(code).join(', ')}` : ''}${needs}`;
    case 'json': return `${code(expand(c.path))}${c.assert?.length ? `: ${c.assert.map(code).join(', ')}` : ' is valid JSON'}${committed(c.committed)}${needs}`;
    case 'command': return `${commandText(c)}${needs}`;
    case 'checklist': return `every box ticked in ${code(expand(c.path))}${needs}`;
    case 'quiz': return `${code(`lynx quiz ${nn}`)} latest attempt ≥ ${c.threshold !== undefined ? `${Math.round(c.threshold * 100)} %` : 'the phase threshold'}${needs}`;
    case 'break': return `${code(`lynx break ${nn}`)}${c.break !== undefined ? ` (${c.break})` : ''} done and restored${needs}`;
    case 'written': {
      const words = c.min_words !== undefined ? `, ≥ ${c.min_words} words` : '';
      const max = c.max_words !== undefined ? `, ≤ ${c.max_words} words` : '';
      const contains = c.contains?.length ? `, mentions ${c.contains.map((s) => `"${s}"`).join(', ')}` : '';
      return `${code(expand(c.path))} written${words}${max}${contains}${committed(c.committed)}${needs}`;
    }
    case 'grep': return `lines matching ${code(`/${c.pattern}/`)} in ${code(expand(c.path))}: ${c.max !== undefined ? `${c.min ?? 1}–${c.max}` : `≥ ${c.min ?? 1}`}${needs}`;
    case 'git-clean': return `everything committed${needs}`;
    case 'git-order': return `${code(expand(c.first))} committed before ${code(expand(c.then))}${needs}`;
    case 'attest': return `a person's judgement: ${code(`lynx attest ${nn} ${item}`)}${c.prompt ? ` — "${c.prompt}"` : ''}${needs}`;
    case 'all': return `all of: ${c.of.map((x) => describeCheck(x, expand, nn, item)).join('; ')}`;
    case 'any': return `any of: ${c.of.map((x) => describeCheck(x, expand, nn, item)).join('; or ')}`;
  }
}
