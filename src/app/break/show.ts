/**
 * `lynx break NN`: the break's title, concept, hypothesis and what to predict; where predictions
 * go (the file is created from a template when missing); the break's state. Nothing is revealed
 * that the learner should find out by observing (symptom, hidden cause, fix).
 */
import { existsSync } from 'node:fs';
import { classify } from '../../core/break/journal.js';
import { predictionsTemplate } from '../../core/break/predictions.js';
import { openJournals, readTarget } from '../../io/break-store.js';
import { writeAtomic } from '../../io/fsx.js';
import { withLock } from '../../io/lock.js';
import type { ShowResult } from '../../core/break/results.js';
import { checkPredictions, predictionsBlocker } from './predictions.js';
import { breakCmd, breakState, compact, openSession, updateBreak, type SessionOpts } from './session.js';

export async function show(opts: SessionOpts, phaseId: number, breakId?: string): Promise<ShowResult> {
  const s = await openSession(opts, phaseId, breakId);
  let created = false;
  if (!existsSync(s.ws.abs(s.predictions))) {
    await withLock(s.ws.root, 'lynx break (predictions template)', async () => {
      if (!existsSync(s.ws.abs(s.predictions))) {
        await writeAtomic(s.ws.abs(s.predictions), predictionsTemplate(s.phase.id, s.brk));
        created = true;
      }
    });
  }
  const predictions = await checkPredictions(s);
  let state = breakState(s.ws, s.learner, s.phase.id);
  const open = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
  // Committed, written predictions are the `predicted` state (git is the evidence; this records it).
  if (
    !open &&
    predictionsBlocker(predictions) === undefined &&
    predictions.commit &&
    (state === undefined || state.state === 'predicted' || state.id !== s.brk.id)
  ) {
    const at = predictions.commit.at;
    if (state?.state !== 'predicted' || state.predicted_at !== at || state.id !== s.brk.id)
      state = await withLock(s.ws.root, 'lynx break (predicted)', () =>
        updateBreak(s.ws, s.learner, s.phase.id, (b) => ({
          ...(b?.id === s.brk.id ? b : {}),
          id: s.brk.id,
          state: 'predicted',
          predicted_at: at,
          hints_used: b?.id === s.brk.id ? (b.hints_used ?? 0) : 0,
        })),
      );
  }
  const journal = open
    ? {
        rel: open.rel,
        stage: open.journal.stage,
        mode: open.journal.mode,
        files: open.journal.files.map((f) => ({
          path: f.path,
          state: classify(f, readTarget(s.ws.root, f.path)?.sha256),
        })),
      }
    : undefined;
  const blocker = predictionsBlocker(predictions);
  const next = open
    ? `the break is active: \`${breakCmd(s, 'observe')}\`, \`${breakCmd(s, 'hint')}\`, \`` +
      `${breakCmd(s, 'diagnose')} "…"\`, then \`${breakCmd(s, 'restore')}\``
    : blocker
      ? `${blocker}; then \`${breakCmd(s, 'start')}\``
      : state?.state === 'restored'
        ? `done: break ${s.brk.id} was diagnosed and restored` +
          `${state.restored_at ? ` on ${state.restored_at.slice(0, 10)}` : ''}`
        : `predictions committed — \`${breakCmd(s, 'start')}\``;
  return compact({
    step: 'show' as const,
    phase: s.phase.id,
    id: s.brk.id,
    title: s.brk.title,
    concept: s.brk.concept,
    kind: s.brk.kind ?? 'edit',
    hypothesis: s.brk.hypothesis,
    targets: s.brk.targets.map((t) => compact({ path: s.expand(t.path), description: t.description, edit: t.edit })),
    manual_steps: s.brk.manual_steps,
    observe: s.brk.observe.map((o) => o.text),
    hints_total: s.brk.hints.length,
    predictions: { ...predictions, created },
    state,
    journal,
    next,
  });
}
