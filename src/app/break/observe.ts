/**
 * `lynx break NN observe`: run the observe commands again while the break is active. For a manual
 * break it first records what the learner's edit produced as the mutant, so `restore` can later
 * prove the file is byte-identical to what was observed.
 */
import { classify } from '../../core/break/journal.js';
import type { ObserveResult } from '../../core/break/results.js';
import { planObserve } from '../../core/break/observe-plan.js';
import { UsageError } from '../../core/errors.js';
import { nn } from '../../core/ids.js';
import { openJournals, readTarget, writeJournal } from '../../io/break-store.js';
import { observeFacts, runPlan } from '../../io/break-observe.js';
import { withLock } from '../../io/lock.js';
import { breakCmd, openSession, type SessionOpts } from './session.js';

export async function observe(
  opts: SessionOpts,
  phaseId: number,
  breakId: string | undefined,
  onOutput?: (s: string) => void,
): Promise<ObserveResult> {
  const s = await openSession(opts, phaseId, breakId);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} observe`, async () => {
    const open = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
    if (!open)
      throw new UsageError(`\`observe\` needs an active break: break ${s.brk.id} is not active`, {
        hint: `\`${breakCmd(s, 'start')}\` starts it.`,
      });
    const j = open.journal;
    const files: ObserveResult['files'] = [];
    const updated = j.files.map((f) => {
      const cur = readTarget(s.ws.root, f.path);
      const state = classify(f, cur?.sha256);
      // Manual break: the learner's edit is the mutant. Record it (again, if they changed it since).
      if (j.mode === 'manual' && cur && state === 'changed') {
        files.push({ path: f.path, state: 'mutant', recorded: true });
        return { ...f, mutant_b64: cur.bytes.toString('base64'), mutant_sha256: cur.sha256 };
      }
      files.push({ path: f.path, state, recorded: false });
      return f;
    });
    if (files.some((f) => f.recorded)) await writeJournal(s.ws.root, { ...j, files: updated });
    const observations = await runPlan(s.ws, s.phase.id, planObserve(s.brk, await observeFacts(s.ws)), onOutput);
    const untouched = files.filter((f) => f.state === 'original').map((f) => f.path);
    return {
      step: 'observe',
      phase: s.phase.id,
      id: s.brk.id,
      mode: j.mode,
      files,
      observations,
      next:
        j.mode === 'manual' && untouched.length === files.length && files.length > 0
          ? `you have not changed ${untouched.join(', ')} yet: make the edit, then observe again`
          : `\`${breakCmd(s, 'hint')}\` for a hint, \`${breakCmd(s, 'diagnose')} "<the cause>"\` when you know`,
    };
  });
}
