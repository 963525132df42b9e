/**
 * lynx attest NN ITEM [--note] / lynx waive NN ITEM --reason: record a human-judged DoD item or an
 * explicit waiver in the learner's checkpoint (the report shows every one, with its reason).
 */
import type { Check } from '../schemas/generated/types.js';
import { openTarget } from './target.js';
import { readCheckpoint, newCheckpoint } from '../io/checkpoint.js';
import { saveCheckpoint } from './progress.js';
import { withLock } from '../io/lock.js';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { isClosed } from '../core/status.js';
import type { AttestResult, Recorded, WaiveResult } from '../core/results.js';

const hasAttest = (c: Check): boolean => c.kind === 'attest' || ((c.kind === 'all' || c.kind === 'any') && c.of.some(hasAttest));

interface Opts { cwd: string; learner?: string | undefined; phase: string; item: string; by?: string | undefined }

async function record(o: Opts, kind: 'attest' | 'waive', text: string | undefined): Promise<Recorded> {
  const t = await openTarget(o.cwd, o.learner, o.phase);
  const item = t.phase.dod.find((d) => d.id === o.item);
  if (!item) throw new UsageError(`phase ${nn(t.phase.id)} has no DoD item "${o.item}"`, { details: t.phase.dod.map((d) => `${d.id}  ${d.text.slice(0, 80)}`), hint: `Items are listed by \`lynx status ${nn(t.phase.id)}\`.` });
  if (kind === 'attest' && !hasAttest(item.check)) throw new UsageError(`"${o.item}" is checked automatically (${item.check.kind}); only items that need a person's judgement can be attested`, { hint: `If it cannot be met, waive it with a reason: lynx waive ${nn(t.phase.id)} ${o.item} --reason "…"` });
  // the ritual cannot be waived away, and closed means closed (issue 15)
  if (kind === 'waive' && item.check.kind === 'quiz') throw new UsageError(`"${o.item}" is the phase's quiz, which cannot be waived`, { hint: `Take it: lynx quiz ${nn(t.phase.id)}` });
  const before = readCheckpoint(t.ws, t.learner, t.phase.id);
  if (before && isClosed(before.status)) throw new UsageError(`phase ${nn(t.phase.id)} is closed (${before.status}); nothing changes its verdict now, so it cannot be ${kind === 'attest' ? 'attested' : 'waived'}`);
  const at = new Date().toISOString();
  const by = o.by ?? t.learner;
  await withLock(t.ws.root, `lynx ${kind} ${nn(t.phase.id)} ${o.item}`, async () => {
    const cp = readCheckpoint(t.ws, t.learner, t.phase.id) ?? newCheckpoint(t.learner, t.phase.id);
    if (kind === 'attest') cp.attestations = [...(cp.attestations ?? []), { item: o.item, at, by, ...(text ? { note: text } : {}) }];
    else cp.waivers = [...(cp.waivers ?? []), { item: o.item, at, by, reason: text ?? '' }];
    await saveCheckpoint(t.ws, cp);
  });
  return { phase: t.phase.id, item: o.item, at, by };
}

export async function attest(o: Opts & { note?: string | undefined }): Promise<AttestResult> {
  return { attested: await record(o, 'attest', o.note) };
}

export async function waive(o: Opts & { reason: string }): Promise<WaiveResult> {
  const reason = o.reason.trim();
  if (reason === '') throw new UsageError('a waiver needs a reason (--reason "…")');
  return { waived: { ...(await record(o, 'waive', reason)), reason } };
}
