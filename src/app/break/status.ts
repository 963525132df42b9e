/**
 * `lynx break status` / `lynx break NN status`: every active break in the workspace and where each
 * target stands. It also finishes what a kill interrupted when the right move is unambiguous: a
 * start killed before the target was written is closed (nothing changed), a restore killed
 * half-way is completed; our own stray temp files are removed.
 */
import { classify, type Journal } from '../../core/break/journal.js';
import type { ActiveBreak, StatusResult } from '../../core/break/results.js';
import { parsePhase } from '../../core/ids.js';
import { closeJournal, readJournal, readTarget, removeStrayTmp } from '../../io/break-store.js';
import { openBreakJournals } from '../../io/notices.js';
import { lockState, readLockOwner, withLock } from '../../io/lock.js';
import { openWorkspace, resolveLearner, type Workspace } from '../../io/workspace.js';
import { LynxError } from '../../core/errors.js';
import { restoreJournal } from './restore.js';
import { breakState, compact, now, updateBreak, type SessionOpts } from './session.js';

async function recover(ws: Workspace, rel: string, j: Journal, recovered: string[]): Promise<boolean> {
  for (const f of j.files)
    if (removeStrayTmp(ws.root, f.path))
      recovered.push(`removed lynx's temp file for ${f.path} (left by an interrupted write)`);
  const states = j.files.map((f) => classify(f, readTarget(ws.root, f.path)?.sha256));
  if (j.stage === 'prepared' && states.every((s) => s === 'original')) {
    // The start was killed before any target changed: there is nothing to restore.
    const closed = closeJournal(ws.root, j, now());
    const st = breakState(ws, j.learner, j.phase);
    if (st?.id === j.break_id && st.state === 'active')
      await updateBreak(ws, j.learner, j.phase, (b) => ({ ...(b ?? {}), state: 'predicted' }));
    recovered.push(
      `${rel}: the start was interrupted before ${j.files.map((f) => f.path).join(', ')} changed; journal ` +
        `closed (${closed})`,
    );
    return true;
  }
  if (j.stage === 'restoring' && states.every((s) => s === 'original' || s === 'mutant')) {
    const r = await restoreJournal(ws, j, false);
    recovered.push(
      `${rel}: finished the interrupted restore (${r.files.map((f) => `${f.path} ${f.action}`).join(', ')}); ` +
        `journal closed (${r.closed ?? '?'})`,
    );
    return true;
  }
  return false;
}

export async function breakStatus(opts: SessionOpts, phaseArg?: number): Promise<StatusResult> {
  const ws = await openWorkspace(opts.cwd);
  const recovered: string[] = [];
  const unreadable: string[] = [];
  const active: ActiveBreak[] = [];
  const notes: string[] = [];
  const scan = async (recovering: boolean): Promise<void> => {
    for (const rel of openBreakJournals(ws.root)) {
      let j: Journal;
      try {
        j = readJournal(ws.root, rel);
      } catch (err) {
        unreadable.push(`${rel}: ${err instanceof LynxError ? err.message : String(err)}`);
        continue;
      }
      if (recovering && (await recover(ws, rel, j, recovered))) continue;
      active.push({
        journal: rel,
        phase: j.phase,
        id: j.break_id,
        learner: j.learner,
        mode: j.mode,
        stage: j.stage,
        started_at: j.created_at,
        head: j.head,
        files: j.files.map((f) => ({ path: f.path, state: classify(f, readTarget(ws.root, f.path)?.sha256) })),
        restore: `lynx break ${String(j.phase).padStart(2, '0')} restore`,
      });
    }
  };
  if (openBreakJournals(ws.root).length > 0) {
    if (lockState(ws.root) === 'held') {
      // Another lynx command is at work (perhaps a start still observing): report, recover nothing.
      const owner = readLockOwner(ws.root);
      notes.push(
        `the workspace is locked by pid ${owner?.pid ?? '?'} (${owner?.command ?? 'another lynx command'}): ` +
          `shown as is, nothing recovered`,
      );
      await scan(false);
    } else {
      await withLock(ws.root, 'lynx break status', () => scan(true));
    }
  }
  let phase: StatusResult['phase'];
  if (phaseArg !== undefined) {
    const p = parsePhase(String(phaseArg));
    phase = compact({ phase: p, state: breakState(ws, resolveLearner(ws, opts.learner), p) });
  }
  return compact({ step: 'status' as const, active, recovered, unreadable, notes, phase });
}
