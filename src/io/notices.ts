/**
 * Things any lynx command should say at the top: an open break journal (a break not restored,
 * perhaps left by a crash) and a lock left by a dead process.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockState } from './lock.js';

export function openBreakJournals(root: string): string[] {
  const dir = join(root, '.lynx', 'breaks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.journal.json')).sort().map((f) => `.lynx/breaks/${f}`);
}

export function workspaceNotices(root: string): string[] {
  const notices = openBreakJournals(root).map((j) => {
    const m = /\/(\d{2})-([^/]+)\.journal\.json$/.exec(j);
    return m ? `a break is active (phase ${m[1] ?? ''}, ${m[2] ?? ''}; journal ${j}): restore it with \`lynx break ${m[1] ?? ''} restore\`` : `a break journal is open: ${j}`;
  });
  if (lockState(root) === 'stale') notices.push('a lock left by a dead lynx process is in .lynx/lock (it will be recovered on the next write)');
  return notices;
}
