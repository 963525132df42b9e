/**
 * lynx attest NN ITEM [--note] / lynx waive NN ITEM --reason: record a human-judged DoD item or an
 * explicit waiver in the learner's checkpoint (the report shows every one, with its reason).
 */
import type { Check } from '../../schemas/generated/types.js';
import { openTarget } from './gate-common.js';
import { readCheckpoint, writeCheckpoint, newCheckpoint } from '../../io/checkpoint.js';
import { withLock } from '../../io/lock.js';
import { UsageError } from '../../core/errors.js';
import { nn } from '../../core/ids.js';
import type { Ctx } from '../context.js';

const hasAttest = (c: Check): boolean => c.kind === 'attest' || ((c.kind === 'all' || c.kind === 'any') && c.of.some(hasAttest));

interface Opts { cwd: string; learner?: string | undefined; phase: string; item: string; by?: string | undefined }

async function record(o: Opts, kind: 'attest' | 'waive', text: string | undefined): Promise<{ phase: number; item: string; at: string; by: string }> {
  const t = await openTarget(o.cwd, o.learner, o.phase);
  const item = t.phase.dod.find((d) => d.id === o.item);
  if (!item) throw new UsageError(`phase ${nn(t.phase.id)} has no DoD item "${o.item}"`, { details: t.phase.dod.map((d) => `${d.id}  ${d.text.slice(0, 80)}`), hint: `Items are listed by \`lynx status ${nn(t.phase.id)}\`.` });
  if (kind === 'attest' && !hasAttest(item.check)) throw new UsageError(`"${o.item}" is checked automatically (${item.check.kind}); only items that need a person's judgement can be attested`, { hint: `If it cannot be met, waive it with a reason: lynx waive ${nn(t.phase.id)} ${o.item} --reason "…"` });
  const at = new Date().toISOString();
  const by = o.by ?? t.learner;
  await withLock(t.ws.root, `lynx ${kind} ${nn(t.phase.id)} ${o.item}`, async () => {
    const cp = readCheckpoint(t.ws, t.learner, t.phase.id) ?? newCheckpoint(t.learner, t.phase.id);
    if (kind === 'attest') cp.attestations = [...(cp.attestations ?? []), { item: o.item, at, by, ...(text ? { note: text } : {}) }];
    else cp.waivers = [...(cp.waivers ?? []), { item: o.item, at, by, reason: text ?? '' }];
    await writeCheckpoint(t.ws, cp);
  });
  return { phase: t.phase.id, item: o.item, at, by };
}

export async function attestCommand(ctx: Ctx, o: { note?: string; by?: string }, phase: string, item: string): Promise<number> {
  const r = await record({ cwd: ctx.cwd, learner: ctx.learner, phase, item, by: o.by }, 'attest', o.note);
  ctx.out(ctx.json ? JSON.stringify({ attested: r }, null, 2) : `✓ attested ${nn(r.phase)}/${r.item} by ${r.by} — commit learners/…/phase-${nn(r.phase)}/checkpoint.json`);
  return 0;
}

export async function waiveCommand(ctx: Ctx, o: { reason: string; by?: string }, phase: string, item: string): Promise<number> {
  if (o.reason.trim() === '') throw new UsageError('a waiver needs a reason (--reason "…")');
  const r = await record({ cwd: ctx.cwd, learner: ctx.learner, phase, item, by: o.by }, 'waive', o.reason.trim());
  ctx.out(ctx.json ? JSON.stringify({ waived: { ...r, reason: o.reason.trim() } }, null, 2) : `✓ waived ${nn(r.phase)}/${r.item}: ${o.reason.trim()} — the report will show it`);
  return 0;
}
