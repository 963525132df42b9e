/**
 * Things any lynx command should say at the top: an open break journal (a break not restored,
 * perhaps left by a crash) and a lock left by a dead process.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockState } from './lock.js';
import { parseJournalName } from '../core/break/journal.js';
import { nn } from '../core/ids.js';

export function openBreakJournals(root: string): string[] {
  const dir = join(root, '.lynx', 'breaks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.journal.json'))
    .sort()
    .map((f) => `.lynx/breaks/${f}`);
}

/** The one wording of an active break, for every command that reports it. */
export function breakNotice(journal: string): string {
  const p = parseJournalName(journal);
  const restore = p ? `lynx break ${nn(p.phase)} restore` : 'lynx break status';
  return (
    `a break is active${p ? ` (phase ${nn(p.phase)}, ${p.id})` : ''}: journal ${journal} — restore it with \`` +
    `${restore}\``
  );
}

export function workspaceNotices(root: string): string[] {
  const notices = openBreakJournals(root).map(breakNotice);
  if (lockState(root) === 'stale')
    notices.push('a lock left by a dead lynx process is in .lynx/lock (it will be recovered on the next write)');
  return notices;
}
