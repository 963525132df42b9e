/** The line every lynx command prints at the top while a break is active (how to restore included). */
import { parseJournalName } from '../core/break/journal.js';
import { breakNotice, openBreakJournals } from './notices.js';
import { findRoot } from './workspace.js';

export function activeBreakNotices(cwd: string, skipPhase?: number): string[] {
  let root: string;
  try {
    root = findRoot(cwd);
  } catch {
    return [];
  }
  return openBreakJournals(root)
    .filter((rel) => skipPhase === undefined || parseJournalName(rel)?.phase !== skipPhase)
    .map((rel) => `! ${breakNotice(rel)}`);
}
