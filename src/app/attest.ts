/**
 * lynx attest NN ITEM [--note] / lynx waive NN ITEM --reason: record a human-judged DoD item or an
 * explicit waiver in the learner's checkpoint (the report shows every one, with its reason).
 */
import type { Check } from '../schemas/generated/types.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTarget, type Target } from './target.js';
import { canonicalRecord, teacherSigned } from '../core/records.js';
import { admits, policyOf } from '../core/policy.js';
import { teachers } from '../io/allowed-signers.js';
import { RECORD_NAMESPACE, recordKey, signRecord, verify } from '../io/signing.js';
import { readCheckpoint, newCheckpoint } from '../io/checkpoint.js';
import { saveCheckpoint } from './progress.js';
import { withLock } from '../io/lock.js';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { isClosed } from '../core/status.js';
import type { AttestResult, Recorded, WaiveResult } from '../core/results.js';

const hasAttest = (c: Check): boolean =>
  c.kind === 'attest' || ((c.kind === 'all' || c.kind === 'any') && c.of.some(hasAttest));

interface Opts {
  cwd: string;
  learner?: string | undefined;
  phase: string;
  item: string;
  by?: string | undefined;
  sign?: boolean | undefined;
  key?: string | undefined;
}

/**
 * Sign a record (namespace lynx-record) and find whose key it was in the committed allowed-signers
 * file: a signature the gate could not verify is refused now, not discovered in CI.
 */
async function signed(
  t: Target,
  kind: 'waiver' | 'attestation',
  fields: Record<string, unknown>,
  keyFlag: string | undefined,
): Promise<{ principal: string; sign: (f: Record<string, unknown>) => Promise<string> }> {
  const key = await recordKey(t.ws, keyFlag);
  const tmp = mkdtempSync(join(tmpdir(), 'lynx-sign-'));
  try {
    const probe = await signRecord(t.ws, key, canonicalRecord(kind, t.phase.id, fields));
    const v = await verify(t.ws, canonicalRecord(kind, t.phase.id, fields), probe, tmp, RECORD_NAMESPACE);
    if (!v.ok || v.principal === undefined)
      throw new UsageError(`this key cannot sign lynx records: ${v.message}`, {
        hint:
          "A teacher's key is listed in the allowed-signers file (lynx.yaml signing.allowed_signers) for " +
          'namespace lynx-record.',
      });
    return { principal: v.principal, sign: (f) => signRecord(t.ws, key, canonicalRecord(kind, t.phase.id, f)) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The policy at command time (the gate judges it again): refused records exit 2 with the rule named. */
function policyRefusal(
  t: Target,
  kind: 'waive' | 'attest',
  item: string,
  signer: string | undefined,
  waived: readonly string[],
): string | undefined {
  const p = policyOf(t.ws.config);
  const teacher =
    signer !== undefined && teacherSigned({ ok: true, principal: signer, message: '' }, teachers(t.ws), t.learner);
  const r = admits(
    p,
    kind,
    { by: signer ?? t.learner, ...(teacher && signer ? { signed_by: signer } : {}) },
    teacher && signer ? new Set([signer]) : new Set(),
  );
  if (!r.ok)
    return `${r.reason}${kind === 'waive' || p.attest === 'teacher' ? ' — a teacher records it with --sign' : ''}`;
  if (kind === 'waive' && p.max_waivers !== undefined && new Set([...waived, item]).size > p.max_waivers)
    return (
      `the policy allows at most ${p.max_waivers} waiver(s) per phase (lynx.yaml policy.max_waivers); already ` +
      `waived: ${waived.join(', ')}`
    );
  return undefined;
}

async function record(o: Opts, kind: 'attest' | 'waive', text: string | undefined): Promise<Recorded> {
  const t = await openTarget(o.cwd, o.learner, o.phase);
  const item = t.phase.dod.find((d) => d.id === o.item);
  if (!item)
    throw new UsageError(`phase ${nn(t.phase.id)} has no DoD item "${o.item}"`, {
      details: t.phase.dod.map((d) => `${d.id}  ${d.text.slice(0, 80)}`),
      hint: `Items are listed by \`lynx status ${nn(t.phase.id)}\`.`,
    });
  if (kind === 'attest' && !hasAttest(item.check))
    throw new UsageError(
      `"${o.item}" is checked automatically (${item.check.kind}); only items that need a person's judgement can ` +
        `be attested`,
      { hint: `If it cannot be met, waive it with a reason: lynx waive ${nn(t.phase.id)} ${o.item} --reason "…"` },
    );
  // the ritual cannot be waived away, and closed means closed (issue 15)
  if (kind === 'waive' && item.check.kind === 'quiz')
    throw new UsageError(`"${o.item}" is the phase's quiz, which cannot be waived`, {
      hint: `Take it: lynx quiz ${nn(t.phase.id)}`,
    });
  const before = readCheckpoint(t.ws, t.learner, t.phase.id);
  if (before && isClosed(before.status))
    throw new UsageError(
      `phase ${nn(t.phase.id)} is closed (${before.status}); nothing changes its verdict now, so it cannot be ` +
        `${kind === 'attest' ? 'attested' : 'waived'}`,
    );
  const at = new Date().toISOString();
  const rkind = kind === 'attest' ? 'attestation' : 'waiver';
  const body = (by: string, signedBy?: string): Record<string, unknown> => ({
    item: o.item,
    at,
    by,
    learner: t.learner,
    ...(signedBy ? { signed_by: signedBy } : {}),
    ...(kind === 'attest' ? (text ? { note: text } : {}) : { reason: text ?? '' }),
  });
  // a signed record names its signer, never the learner: a teacher does not act as the learner
  const signer = o.sign ? await signed(t, rkind, body(o.by ?? t.learner), o.key) : undefined;
  const by = signer ? signer.principal : (o.by ?? t.learner);
  const refusal = policyRefusal(
    t,
    kind,
    o.item,
    signer?.principal,
    (before?.waivers ?? []).map((w) => w.item),
  );
  if (refusal)
    throw new UsageError(
      `phase ${nn(t.phase.id)}: "${o.item}" cannot be ${kind === 'attest' ? 'attested' : 'waived'}: ${refusal}`,
    );
  const fields = body(by, signer?.principal);
  const record = signer ? { ...fields, signature: await signer.sign(fields) } : fields;
  await withLock(t.ws.root, `lynx ${kind} ${nn(t.phase.id)} ${o.item}`, async () => {
    const cp = readCheckpoint(t.ws, t.learner, t.phase.id) ?? newCheckpoint(t.learner, t.phase.id);
    if (kind === 'attest')
      cp.attestations = [...(cp.attestations ?? []), record as NonNullable<typeof cp.attestations>[number]];
    else cp.waivers = [...(cp.waivers ?? []), record as NonNullable<typeof cp.waivers>[number]];
    await saveCheckpoint(t.ws, cp);
  });
  return { phase: t.phase.id, item: o.item, at, by, ...(signer ? { signed_by: signer.principal } : {}) };
}

export async function attest(o: Opts & { note?: string | undefined }): Promise<AttestResult> {
  return { attested: await record(o, 'attest', o.note) };
}

export async function waive(o: Opts & { reason: string }): Promise<WaiveResult> {
  const reason = o.reason.trim();
  if (reason === '') throw new UsageError('a waiver needs a reason (--reason "…")');
  return { waived: { ...(await record(o, 'waive', reason)), reason } };
}
