/** The text reporter of `lynx claude install` (spread into text.ts's registry). */
import type { ClaudeInstallResult } from '../../core/claude-results.js';
import type { Theme } from '../theme.js';
import type { Printed } from './text.js';

export function claudeInstallText(r: ClaudeInstallResult, t: Theme): Printed {
  const mark = { created: t.ok('+'), updated: t.ok('~'), unchanged: t.dim('='), kept: t.warn('!') };
  const out: string[] = [];
  for (const a of r.actions) {
    if (a.action === 'unchanged') continue;
    out.push(`${mark[a.action]} ${a.path}${a.action === 'kept' ? t.dim('  (kept: it differs from the template and may hold your edits)') : ''}`);
    for (const x of a.added ?? []) out.push(t.dim(`    + ${x}`));
  }
  const n = r.actions.filter((a) => a.action === 'created' || a.action === 'updated').length;
  out.push(`✓ Claude Code files ready in ${r.root}${n === 0 ? ' (nothing to do)' : ''}`);
  out.push('next: commit .claude/ and CLAUDE.md, then type / in a new Claude Code session: /phase-checkpoint should be listed');
  return { out };
}
