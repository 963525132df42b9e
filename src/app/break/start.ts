/**
 * `lynx break NN start`: refuse until the predictions are written and committed; the target must
 * be tracked and clean and the edit must match exactly once. Then, in this order: the journal
 * (original and mutant bytes, hashes, HEAD, time) atomically; the mutant; the checkpoint; the
 * observe run. Prose-only and diagnostic breaks journal the originals and hand the edit to the learner.
 */
import { journalRel, type Journal, type JournalFile } from '../../core/break/journal.js';
import { planTargets, type TargetPlan } from '../../core/break/model.js';
import { planObserve } from '../../core/break/observe-plan.js';
import { UsageError } from '../../core/errors.js';
import { isInside, nn } from '../../core/ids.js';
import { killPoint, openJournals, readTarget, targetKind, writeJournal, writeTarget } from '../../io/break-store.js';
import { observeFacts, runPlan } from '../../io/break-observe.js';
import type { LocatedTarget, StartResult } from '../../core/break/results.js';
import * as git from '../../io/git.js';
import { withLock } from '../../io/lock.js';
import { lynxVersion } from '../../io/pkg.js';
import { checkPredictions, predictionsBlocker } from './predictions.js';
import { locateFiles, type Confirm } from './locate-files.js';
import { guidedInstructions } from './guided.js';
import { breakCmd, compact, now, openSession, updateBreak, type Session, type SessionOpts } from './session.js';

export interface StartOpts {
  manual?: boolean;
  files?: string[];
  onOutput?: (s: string) => void;
  confirm?: Confirm;
}

/** Each target must be tracked, committed and clean: restore puts back bytes git knows. */
async function requireClean(s: Session, path: string): Promise<void> {
  if (!(await git.isTracked(s.ws.root, path)))
    throw new UsageError(`${path} is not tracked by git — commit it first`, {
      hint: 'restore puts back committed bytes; a break runs only on a file git knows.',
    });
  if (!(await git.isCommitted(s.ws.root, path)))
    throw new UsageError(`${path} has uncommitted changes — commit them (or undo them yourself) before the break`, {
      hint:
        'lynx never stashes or checks out your files; the target must be clean so restore can prove it is ' +
        'byte-identical.',
    });
}

type Prepared = { file: JournalFile; matches?: { line: number; how: string }[]; located?: LocatedTarget }[];

/** Manual: journal each present target's original bytes; the learner makes the edit. */
async function prepareManual(s: Session, plan: TargetPlan): Promise<Prepared> {
  const out: Prepared = [];
  for (const f of plan.files) {
    await requireClean(s, f.path);
    const cur = readTarget(s.ws.root, f.path);
    if (!cur) throw new UsageError(`${f.path} cannot be read`);
    out.push({
      file: { path: f.path, mode: cur.mode, original_b64: cur.bytes.toString('base64'), original_sha256: cur.sha256 },
    });
  }
  return out;
}

export async function start(
  opts: SessionOpts,
  phaseId: number,
  breakId: string | undefined,
  o: StartOpts = {},
): Promise<StartResult> {
  const s = await openSession(opts, phaseId, breakId);
  for (const f of o.files ?? []) if (!isInside(f)) throw new UsageError(`--file ${f}: the path escapes the workspace`);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} start`, async () => {
    const active = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
    if (active)
      throw new UsageError(`break ${s.brk.id} is already active (journal ${active.rel})`, {
        hint: `\`${breakCmd(s, 'status')}\` shows where it stands; \`${breakCmd(s, 'restore')}\` ends it.`,
      });
    const predictions = await checkPredictions(s);
    const blocker = predictionsBlocker(predictions);
    if (blocker !== undefined || !predictions.commit)
      throw new UsageError(`not yet: ${blocker ?? 'the predictions have no commit'}`, {
        hint: `\`${breakCmd(s)}\` shows the break and what to predict.`,
      });
    let plan = planTargets(s.phase.id, s.brk, s.expand, (rel) => targetKind(s.ws.root, rel), {
      search: true,
      ...(o.manual ? { manual: true } : {}),
      ...(o.files ? { files: o.files } : {}),
    });
    let prepared: Prepared = [];
    if (plan.mode === 'edit') {
      const found = await locateFiles(s, plan, o.confirm);
      if (found.ok) {
        for (const f of found.files) await requireClean(s, f.file.path);
        prepared = found.files;
      } else
        plan = {
          ...plan,
          mode: 'guided',
          why:
            `lynx found the break's anchor nowhere in your tracked files (${found.missing.join(', ')}, exactly or ` +
            `ignoring indentation, blank lines, trailing spaces and quote style)`,
        };
    } else if (plan.mode === 'manual') prepared = await prepareManual(s, plan);
    const head = await git.headSha(s.ws.root);
    if (plan.mode === 'guided') {
      // Nothing to journal yet: the learner edits their own file, then `confirm` journals HEAD's bytes as the original.
      await updateBreak(s.ws, s.learner, s.phase.id, (b) => ({
        ...(b?.id === s.brk.id ? b : {}),
        id: s.brk.id,
        state: 'predicted',
        predicted_at: predictions.commit?.at ?? now(),
        hints_used: b?.id === s.brk.id ? (b.hints_used ?? 0) : 0,
      }));
      return compact({
        step: 'start' as const,
        phase: s.phase.id,
        id: s.brk.id,
        title: s.brk.title,
        mode: 'guided' as const,
        why: plan.why,
        head,
        predictions: { path: predictions.path, commit: predictions.commit.sha, committed_at: predictions.commit.at },
        files: [],
        absent: plan.absent,
        instructions: guidedInstructions(s, plan),
        observations: [],
        next:
          `make this edit in your own file (do not commit it), then \`${breakCmd(s, 'confirm')}\`: lynx journals ` +
          `the committed bytes as the original, runs the observe commands to confirm the symptom, and \`` +
          `${breakCmd(s, 'restore')}\` later puts the original back`,
      });
    }
    const startedAt = now();
    const journal: Journal = {
      schema_version: 1,
      kind: 'lynx-break-journal',
      phase: s.phase.id,
      break_id: s.brk.id,
      learner: s.learner,
      mode: plan.mode,
      stage: 'prepared',
      created_at: startedAt,
      head,
      lynx_version: lynxVersion(),
      predictions: { path: predictions.path, commit: predictions.commit.sha, committed_at: predictions.commit.at },
      files: prepared.map((p) => p.file),
    };
    // The journal first: from here on a kill at any moment leaves enough on disk to put every byte back.
    await writeJournal(s.ws.root, journal);
    killPoint('start:journal-written');
    if (plan.mode === 'edit') {
      for (const { file } of prepared)
        writeTarget(s.ws.root, file.path, Buffer.from(file.mutant_b64 ?? '', 'base64'), file.mode, 'start');
      killPoint('start:mutant-written');
    }
    await writeJournal(s.ws.root, { ...journal, stage: 'applied' });
    await updateBreak(s.ws, s.learner, s.phase.id, () => ({
      id: s.brk.id,
      state: 'active',
      predicted_at: predictions.commit?.at ?? startedAt,
      started_at: startedAt,
      hints_used: 0,
    }));
    const instructions =
      plan.mode === 'manual'
        ? [
            ...plan.files.flatMap((f) => [
              ...f.descriptions.map((d) => `${f.path}: ${d}`),
              ...f.edits.map((e) => `${f.path}: replace\n${e.find}\nwith\n${e.replace}`),
            ]),
            ...(s.brk.manual_steps ?? []),
          ]
        : [];
    const observations =
      plan.mode === 'edit'
        ? await runPlan(s.ws, s.phase.id, planObserve(s.brk, await observeFacts(s.ws)), o.onOutput)
        : [];
    const next =
      plan.mode === 'edit'
        ? `what do you see? \`${breakCmd(s, 'hint')}\` for a hint, \`${breakCmd(s, 'diagnose')} "<the cause>"\` ` +
          `when you know, \`${breakCmd(s, 'restore')}\` to end`
        : prepared.length === 0
          ? `follow the steps; \`${breakCmd(s, 'hint')}\` if stuck, \`${breakCmd(s, 'diagnose')} "<the cause>"\`, ` +
            `then \`${breakCmd(s, 'restore')}\` closes the break`
          : `make the edit by hand now, then \`${breakCmd(s, 'observe')}\` (it records what your edit produced ` +
            `and runs the observe commands); \`${breakCmd(s, 'restore')}\` puts the original bytes back`;
    return compact({
      step: 'start' as const,
      phase: s.phase.id,
      id: s.brk.id,
      title: s.brk.title,
      mode: plan.mode,
      why: plan.why,
      journal: journalRel(s.phase.id, s.brk.id),
      head,
      predictions: journal.predictions,
      files: prepared.map((p) =>
        compact({
          path: p.file.path,
          original_sha256: p.file.original_sha256,
          mutant_sha256: p.file.mutant_sha256,
          matches: p.matches,
        }),
      ),
      located: prepared.some((p) => p.located) ? prepared.flatMap((p) => (p.located ? [p.located] : [])) : undefined,
      absent: plan.absent,
      instructions,
      observations,
      next,
    });
  });
}
