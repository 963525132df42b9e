/**
 * `lynx break NN confirm`: the end of the guided mode. The learner has made the break's edit in
 * their own file (lynx found no place to make it); the committed bytes at HEAD are journaled as the
 * original and the current bytes as the mutant, then the observe commands run to confirm the
 * symptom appears. From here it is an ordinary active break: hint, diagnose, restore (byte-exact).
 */
import { journalRel, type Journal, type JournalFile } from '../../core/break/journal.js';
import { planObserve } from '../../core/break/observe-plan.js';
import type { ConfirmResult, StepResult } from '../../core/break/results.js';
import { UsageError } from '../../core/errors.js';
import { isInside, nn } from '../../core/ids.js';
import { headBytes, modifiedTracked } from '../../io/break-git.js';
import { observeFacts, runPlan } from '../../io/break-observe.js';
import { openJournals, readTarget, sha256Bytes, writeJournal } from '../../io/break-store.js';
import * as git from '../../io/git.js';
import { withLock } from '../../io/lock.js';
import { lynxVersion } from '../../io/pkg.js';
import { checkPredictions, predictionsBlocker } from './predictions.js';
import { breakCmd, compact, now, openSession, updateBreak, type Session, type SessionOpts } from './session.js';

/** The files the learner edited for this break: --file, else their edited target paths, else their one edited file. */
async function editedFiles(s: Session, files: readonly string[] | undefined): Promise<string[]> {
  const modified = (await modifiedTracked(s.ws.root)).filter(
    (p) => !p.startsWith('.lynx/') && !p.startsWith('learners/'),
  );
  if (files && files.length > 0) {
    const unchanged = files.filter((f) => !modified.includes(f));
    if (unchanged.length > 0)
      throw new UsageError(`--file ${unchanged.join(', ')}: not changed since the last commit (or not tracked)`, {
        hint: 'Make the edit in that file first (and do not commit it).',
      });
    return [...files];
  }
  const own = s.brk.targets.flatMap((t) => [t.path, ...(t.alternatives ?? [])].map(s.expand));
  const mine = modified.filter((p) => own.includes(p));
  if (mine.length > 0) return mine;
  if (modified.length === 1) return modified;
  if (modified.length === 0)
    throw new UsageError('you have not made the edit yet: no tracked file differs from the last commit', {
      hint:
        `Make the edit shown by \`${breakCmd(s, 'start')}\` in your file, then \`${breakCmd(s, 'confirm')}\` ` +
        `again.`,
    });
  throw new UsageError(
    `several tracked files changed since the last commit (${modified.join(', ')}) — name the one you broke`,
    { hint: `\`${breakCmd(s, 'confirm')} --file <path>\`` },
  );
}

/** Did the symptom appear? A failing step (or one that exits as the page expects) shows it. */
function symptomOf(obs: StepResult[]): ConfirmResult['symptom'] {
  const ran = obs.filter((o) => o.action === 'run');
  if (ran.length === 0) return 'unknown';
  return ran.some((o) => (o.expect_exit !== undefined ? o.as_expected === true : o.exit_code !== 0))
    ? 'seen'
    : 'not-seen';
}

export async function confirm(
  opts: SessionOpts,
  phaseId: number,
  breakId: string | undefined,
  o: { files?: string[]; onOutput?: (s: string) => void } = {},
): Promise<ConfirmResult> {
  const s = await openSession(opts, phaseId, breakId);
  for (const f of o.files ?? []) if (!isInside(f)) throw new UsageError(`--file ${f}: the path escapes the workspace`);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} confirm`, async () => {
    const active = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
    if (active)
      throw new UsageError(`break ${s.brk.id} is already active (journal ${active.rel})`, {
        hint: `\`${breakCmd(s, 'observe')}\` runs the observe commands again; \`${breakCmd(s, 'restore')}\` ends it.`,
      });
    const predictions = await checkPredictions(s);
    const blocker = predictionsBlocker(predictions);
    if (blocker !== undefined || !predictions.commit)
      throw new UsageError(`not yet: ${blocker ?? 'the predictions have no commit'}`, {
        hint: `\`${breakCmd(s)}\` shows the break and what to predict.`,
      });
    const paths = await editedFiles(s, o.files);
    const files: JournalFile[] = [];
    for (const p of paths) {
      const original = await headBytes(s.ws.root, p);
      const cur = readTarget(s.ws.root, p);
      if (!original || !cur)
        throw new UsageError(`${p}: lynx needs it committed at HEAD and present now`, {
          hint: 'Commit the file as the labs have you write it, make the edit, then confirm.',
        });
      files.push({
        path: p,
        mode: cur.mode,
        original_b64: original.toString('base64'),
        original_sha256: sha256Bytes(original),
        mutant_b64: cur.bytes.toString('base64'),
        mutant_sha256: cur.sha256,
      });
    }
    const at = now();
    const journal: Journal = {
      schema_version: 1,
      kind: 'lynx-break-journal',
      phase: s.phase.id,
      break_id: s.brk.id,
      learner: s.learner,
      mode: 'manual',
      stage: 'applied',
      created_at: at,
      head: await git.headSha(s.ws.root),
      lynx_version: lynxVersion(),
      predictions: { path: predictions.path, commit: predictions.commit.sha, committed_at: predictions.commit.at },
      files,
    };
    await writeJournal(s.ws.root, journal);
    await updateBreak(s.ws, s.learner, s.phase.id, () => ({
      id: s.brk.id,
      state: 'active',
      predicted_at: predictions.commit?.at ?? at,
      started_at: at,
      hints_used: 0,
    }));
    const observations = await runPlan(s.ws, s.phase.id, planObserve(s.brk, await observeFacts(s.ws)), o.onOutput);
    const symptom = symptomOf(observations);
    return compact({
      step: 'confirm' as const,
      phase: s.phase.id,
      id: s.brk.id,
      journal: journalRel(s.phase.id, s.brk.id),
      files: files.map((f) => ({
        path: f.path,
        original_sha256: f.original_sha256,
        mutant_sha256: f.mutant_sha256 ?? '',
      })),
      observations,
      symptom,
      next:
        symptom === 'not-seen'
          ? `the observe commands pass: your edit may not produce the symptom — compare it with \`${breakCmd(s)}` +
            `\`, or carry on: \`${breakCmd(s, 'hint')}\`, \`${breakCmd(s, 'diagnose')} "<the cause>"\`, \`` +
            `${breakCmd(s, 'restore')}\``
          : `\`${breakCmd(s, 'hint')}\` for a hint, \`${breakCmd(s, 'diagnose')} "<the cause>"\` when you know, \`` +
            `${breakCmd(s, 'restore')}\` puts the committed bytes back`,
    });
  });
}
