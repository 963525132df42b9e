/**
 * `lynx break NN restore`: the original bytes go back only when each target is byte-identical to
 * the recorded mutant (or already original, after a crash). A target the learner changed is a
 * refusal that shows the diff against the mutant and against the original and keeps the journal;
 * `--force` first saves the current bytes beside the journal. Order: journal stage `restoring` →
 * targets → checkpoint → journal closed, so a kill at any point is finished by the next restore
 * (or `lynx break status`). Then the tests (or the observe commands) run to show the fix.
 */
import { classify, type Journal } from '../../core/break/journal.js';
import { unifiedDiff } from '../../core/break/diff.js';
import { planObserve, testFallback } from '../../core/break/observe-plan.js';
import { nn } from '../../core/ids.js';
import { observeFacts, runPlan, runSpec } from '../../io/break-observe.js';
import type { FileRestore, RestoreOutcome, RestoreResult, StepResult } from '../../core/break/results.js';
import type { Workspace } from '../../io/workspace.js';
import type { Break } from '../../core/break/predictions.js';
import { EnvError, UsageError } from '../../core/errors.js';
import {
  closeJournal,
  killPoint,
  openJournals,
  readTarget,
  removeStrayTmp,
  saveCurrent,
  writeJournal,
  writeTarget,
} from '../../io/break-store.js';
import { withLock } from '../../io/lock.js';
import { breakCmd, breakState, compact, now, openSession, updateBreak, type SessionOpts } from './session.js';

const text = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

/**
 * Put a journal's originals back (the caller holds the lock). `force` saves and overwrites a
 * target the learner changed; a manual break with no recorded mutant always saves first.
 */
export async function restoreJournal(ws: Workspace, j: Journal, force: boolean): Promise<RestoreOutcome> {
  const at = now();
  const removed_tmp = j.files.filter((f) => removeStrayTmp(ws.root, f.path)).map((f) => f.path);
  const found = j.files.map((f) => ({ f, cur: readTarget(ws.root, f.path) }));
  const files: FileRestore[] = found.map(({ f, cur }) => {
    const state = classify(f, cur?.sha256);
    const unrecorded = j.mode === 'manual' && f.mutant_sha256 === undefined; // the learner's edit is the mutant
    if (state === 'original') return { path: f.path, found: state, action: 'already-original' };
    if (state === 'mutant' || force || (unrecorded && state === 'changed'))
      return { path: f.path, found: state, action: 'restored' };
    const current = cur ? cur.bytes.toString('utf8') : '';
    return compact({
      path: f.path,
      found: state,
      action: 'refused' as const,
      diff_vs_mutant:
        f.mutant_b64 !== undefined
          ? unifiedDiff(text(f.mutant_b64), current, { a: `${f.path} (recorded mutant)`, b: `${f.path} (now)` })
          : undefined,
      diff_vs_original: unifiedDiff(text(f.original_b64), current, { a: `${f.path} (original)`, b: `${f.path} (now)` }),
    });
  });
  if (files.some((f) => f.action === 'refused')) return { ok: false, files, forced: false, removed_tmp };
  await writeJournal(ws.root, { ...j, stage: 'restoring' });
  for (const [i, { f, cur }] of found.entries()) {
    const r = files[i] as FileRestore;
    if (r.action !== 'restored') continue;
    if (cur && r.found !== 'mutant') r.saved = saveCurrent(ws.root, j, f.path, cur, at);
    writeTarget(ws.root, f.path, Buffer.from(f.original_b64, 'base64'), f.mode, 'restore');
  }
  killPoint('restore:file-restored');
  for (const f of j.files) {
    if (readTarget(ws.root, f.path)?.sha256 !== f.original_sha256)
      throw new EnvError(`${f.path} is not byte-identical to the original after restore; the journal is kept`, {
        hint: 'Check the disk (full? read-only?) and run `lynx break status` again.',
      });
  }
  // Forced = --force overwrote bytes that were neither the original nor a mutant lynx knew of.
  const forced =
    force &&
    found.some(
      ({ f }, i) =>
        files[i]?.action === 'restored' &&
        files[i]?.found !== 'mutant' &&
        !(j.mode === 'manual' && f.mutant_sha256 === undefined),
    );
  const next = await updateBreak(ws, j.learner, j.phase, (b) => {
    const same = b?.id === j.break_id ? b : undefined;
    const diagnosed = same?.diagnosed_at !== undefined;
    // Restored without a diagnosis (or after a crashed start) is not a finished exercise: back to predicted.
    return compact({
      ...(same ?? {}),
      id: j.break_id,
      state: diagnosed ? ('restored' as const) : ('predicted' as const),
      restored_at: at,
      forced: forced || same?.forced,
    });
  });
  const closed = closeJournal(ws.root, j, at);
  return { ok: true, files, closed, state: next.state === 'restored' ? 'restored' : 'predicted', forced, removed_tmp };
}

/** After restore: the tests (the test recipe), else the break's runnable observe commands. */
export async function runAfterRestore(
  ws: Workspace,
  phase: number,
  b: Break,
  onOutput?: (s: string) => void,
): Promise<StepResult[]> {
  const facts = await observeFacts(ws);
  const tests = testFallback(facts, `break-${b.id}-after-restore`);
  if (tests)
    return [{ ...(await runSpec(ws, phase, tests.spec, tests.text, onOutput)), reason: 'the tests, to show the fix' }];
  const plan = planObserve(b, facts);
  return runPlan(ws, phase, { steps: plan.steps.filter((s) => s.action === 'run') }, onOutput);
}

export const journalLabel = (j: Journal): string => `${nn(j.phase)}-${j.break_id}`;

export async function restore(
  opts: SessionOpts,
  phaseId: number,
  breakId: string | undefined,
  o: { force?: boolean; onOutput?: (s: string) => void } = {},
): Promise<RestoreResult> {
  const s = await openSession(opts, phaseId, breakId);
  const res = await withLock(s.ws.root, `lynx break ${nn(s.phase.id)} restore`, async () => {
    const open = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
    if (!open) {
      const st = breakState(s.ws, s.learner, s.phase.id);
      throw new UsageError(
        `break ${s.brk.id} is not active: there is no open journal in .lynx/breaks/` +
          `${st?.state === 'restored' ? ` (it was restored on ${st.restored_at?.slice(0, 10) ?? '?'})` : ''}`,
        { hint: `\`${breakCmd(s)}\` shows the break's state.` },
      );
    }
    return { rel: open.rel, out: await restoreJournal(s.ws, open.journal, o.force === true) };
  });
  const tests = res.out.ok ? await runAfterRestore(s.ws, s.phase.id, s.brk, o.onOutput) : [];
  const next = !res.out.ok
    ? `the file changed since the break was applied: look at the diffs, then undo your changes or run \`` +
      `${breakCmd(s, 'restore')} --force\` (your current bytes are saved beside the journal first)`
    : res.out.state === 'restored'
      ? `break ${s.brk.id} is done: commit the checkpoint (learners/${s.learner}/phase-${nn(s.phase.id)}` +
        `/checkpoint.json)`
      : `restored, but without a diagnosis the exercise is not done: \`${breakCmd(s, 'start')}\` again, then \`` +
        `${breakCmd(s, 'diagnose')} "…"\` before restoring`;
  return { step: 'restore', phase: s.phase.id, id: s.brk.id, journal: res.rel, ...res.out, tests, next };
}
