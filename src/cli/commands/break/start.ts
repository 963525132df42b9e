/**
 * `lynx break NN start`: refuse until the predictions are written and committed; the target must
 * be tracked and clean and the edit must match exactly once. Then, in this order: the journal
 * (original and mutant bytes, hashes, HEAD, time) atomically; the mutant; the checkpoint; the
 * observe run. Prose-only and diagnostic breaks journal the originals and hand the edit to the learner.
 */
import { applyEdits } from '../../../core/break/edit.js';
import { journalRel, type Journal, type JournalFile } from '../../../core/break/journal.js';
import { planTargets, type TargetPlan } from '../../../core/break/model.js';
import { planObserve } from '../../../core/break/observe-plan.js';
import { UsageError } from '../../../core/errors.js';
import { isInside, nn } from '../../../core/ids.js';
import { killPoint, openJournals, readTarget, sha256Bytes, targetKind, writeJournal, writeTarget } from '../../../io/break-store.js';
import { observeFacts, runPlan } from '../../../io/break-observe.js';
import type { StartResult } from '../../../core/break/results.js';
import * as git from '../../../io/git.js';
import { withLock } from '../../../io/lock.js';
import { lynxVersion } from '../../../io/pkg.js';
import { checkPredictions, predictionsBlocker } from './predictions.js';
import { breakCmd, compact, now, openSession, updateBreak, type Session, type SessionOpts } from './session.js';


export interface StartOpts { manual?: boolean; files?: string[]; onOutput?: (s: string) => void }

const firstLine = (t: string): string => t.split('\n')[0] ?? '';

/** Each target: tracked, committed and clean; for an edit, the mutant bytes (edit matched exactly once). */
async function prepareFiles(s: Session, plan: TargetPlan): Promise<{ file: JournalFile; matches?: { line: number; how: string }[] }[]> {
  const out: { file: JournalFile; matches?: { line: number; how: string }[] }[] = [];
  for (const f of plan.files) {
    if (!(await git.isTracked(s.ws.root, f.path))) throw new UsageError(`${f.path} is not tracked by git — commit it first`, { hint: 'restore puts back committed bytes; a break runs only on a file git knows.' });
    if (!(await git.isCommitted(s.ws.root, f.path))) throw new UsageError(`${f.path} has uncommitted changes — commit them (or undo them yourself) before the break`, { hint: 'lynx never stashes or checks out your files; the target must be clean so restore can prove it is byte-identical.' });
    const cur = readTarget(s.ws.root, f.path);
    if (!cur) throw new UsageError(`${f.path} cannot be read`);
    const file: JournalFile = { path: f.path, mode: cur.mode, original_b64: cur.bytes.toString('base64'), original_sha256: cur.sha256 };
    if (plan.mode === 'manual') { out.push({ file }); continue; }
    const text = cur.bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(cur.bytes)) throw new UsageError(`${f.path} is not UTF-8 text; lynx cannot apply the edit to it`, { hint: `Make the edit by hand: \`${breakCmd(s, 'start')} --manual\`.` });
    const r = applyEdits(text, f.edits);
    if (!r.ok) {
      const e = f.edits[r.index];
      if (r.match.reason === 'ambiguous') {
        throw new UsageError(`the break's edit matches ${f.path} ${r.match.candidates.length} times (${r.match.how} match) — it must match exactly once`, {
          details: [`looking for: ${firstLine(e?.find ?? '')}${(e?.find ?? '').includes('\n') ? ' …' : ''}`, ...r.match.candidates.map((c) => `candidate at ${f.path}:${c.line}: ${firstLine(c.text).trim()}${c.text.includes('\n') ? ` (+${c.text.split('\n').length - 1} lines)` : ''}`)],
          hint: `Make the edit by hand at the right place: \`${breakCmd(s, 'start')} --manual\` journals the file so restore puts it back byte-for-byte.`,
        });
      }
      throw new UsageError(r.match.alreadyMutant ? `${f.path} already contains the break's mutant — was a broken version committed?` : `the break's edit does not match ${f.path}`, {
        details: (e?.find ?? '').split('\n').map((l, i) => `${i === 0 ? 'expected: ' : '          '}${l}`),
        hint: r.match.alreadyMutant ? 'Restore the original line(s) and commit, then start again.' : `Your code may differ from the curriculum's. Make the change by hand: \`${breakCmd(s, 'start')} --manual\` (or point at another file with --file).`,
      });
    }
    const mutant = Buffer.from(r.text, 'utf8');
    out.push({ file: { ...file, mutant_b64: mutant.toString('base64'), mutant_sha256: sha256Bytes(mutant) }, matches: r.matches });
  }
  return out;
}

export async function start(opts: SessionOpts, phaseId: number, breakId: string | undefined, o: StartOpts = {}): Promise<StartResult> {
  const s = await openSession(opts, phaseId, breakId);
  for (const f of o.files ?? []) if (!isInside(f)) throw new UsageError(`--file ${f}: the path escapes the workspace`);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} start`, async () => {
    const active = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
    if (active) throw new UsageError(`break ${s.brk.id} is already active (journal ${active.rel})`, { hint: `\`${breakCmd(s, 'status')}\` shows where it stands; \`${breakCmd(s, 'restore')}\` ends it.` });
    const predictions = await checkPredictions(s);
    const blocker = predictionsBlocker(predictions);
    if (blocker !== undefined || !predictions.commit) throw new UsageError(`not yet: ${blocker ?? 'the predictions have no commit'}`, { hint: `\`${breakCmd(s)}\` shows the break and what to predict.` });
    const plan = planTargets(s.phase.id, s.brk, s.expand, (rel) => targetKind(s.ws.root, rel), { ...(o.manual ? { manual: true } : {}), ...(o.files ? { files: o.files } : {}) });
    const prepared = await prepareFiles(s, plan);
    const head = await git.headSha(s.ws.root);
    const startedAt = now();
    const journal: Journal = {
      schema_version: 1, kind: 'lynx-break-journal', phase: s.phase.id, break_id: s.brk.id, learner: s.learner,
      mode: plan.mode, stage: 'prepared', created_at: startedAt, head, lynx_version: lynxVersion(),
      predictions: { path: predictions.path, commit: predictions.commit.sha, committed_at: predictions.commit.at },
      files: prepared.map((p) => p.file),
    };
    // The journal first: from here on a kill at any moment leaves enough on disk to put every byte back.
    await writeJournal(s.ws.root, journal);
    killPoint('start:journal-written');
    if (plan.mode === 'edit') {
      for (const { file } of prepared) writeTarget(s.ws.root, file.path, Buffer.from(file.mutant_b64 ?? '', 'base64'), file.mode, 'start');
      killPoint('start:mutant-written');
    }
    await writeJournal(s.ws.root, { ...journal, stage: 'applied' });
    await updateBreak(s.ws, s.learner, s.phase.id, () => ({ id: s.brk.id, state: 'active', predicted_at: predictions.commit?.at ?? startedAt, started_at: startedAt, hints_used: 0 }));
    const instructions = plan.mode === 'manual'
      ? [...plan.files.flatMap((f) => [...f.descriptions.map((d) => `${f.path}: ${d}`), ...f.edits.map((e) => `${f.path}: replace\n${e.find}\nwith\n${e.replace}`)]), ...(s.brk.manual_steps ?? [])]
      : [];
    const observations = plan.mode === 'edit' ? await runPlan(s.ws, s.phase.id, planObserve(s.brk, await observeFacts(s.ws)), o.onOutput) : [];
    const next = plan.mode === 'edit'
      ? `what do you see? \`${breakCmd(s, 'hint')}\` for a hint, \`${breakCmd(s, 'diagnose')} "<the cause>"\` when you know, \`${breakCmd(s, 'restore')}\` to end`
      : prepared.length === 0 ? `follow the steps; \`${breakCmd(s, 'hint')}\` if stuck, \`${breakCmd(s, 'diagnose')} "<the cause>"\`, then \`${breakCmd(s, 'restore')}\` closes the break`
      : `make the edit by hand now, then \`${breakCmd(s, 'observe')}\` (it records what your edit produced and runs the observe commands); \`${breakCmd(s, 'restore')}\` puts the original bytes back`;
    return compact({
      step: 'start' as const, phase: s.phase.id, id: s.brk.id, title: s.brk.title, mode: plan.mode, why: plan.why,
      journal: journalRel(s.phase.id, s.brk.id), head, predictions: journal.predictions,
      files: prepared.map((p) => compact({ path: p.file.path, original_sha256: p.file.original_sha256, mutant_sha256: p.file.mutant_sha256, matches: p.matches })),
      absent: plan.absent, instructions, observations, next,
    });
  });
}
