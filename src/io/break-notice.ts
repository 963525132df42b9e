/** The line every lynx command prints at the top while a break is active (how to restore included). */
import { parseJournalName } from '../core/break/journal.js';
import { nn } from '../core/ids.js';
import { openBreakJournals } from './notices.js';
import { findRoot } from './workspace.js';

export function activeBreakNotices(cwd: string, skipPhase?: number): string[] {
  let root: string;
  try { root = findRoot(cwd); } catch { return []; }
  return openBreakJournals(root).flatMap((rel) => {
    const p = parseJournalName(rel);
    if (p && p.phase === skipPhase) return [];
    const restore = p ? `lynx break ${nn(p.phase)} restore` : 'lynx break status';
    return [`! a break is active${p ? ` (phase ${nn(p.phase)}, ${p.id})` : ''}: journal ${rel} — restore it with \`${restore}\``];
  });
}
