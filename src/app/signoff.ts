/**
 * lynx signoff NN --learner ana [--note T] [--key F] (issue 15): a teacher's sign-off of a closed
 * phase — the closure digest, recomputed here exactly as the gate recomputes it (the checkpoint's
 * fields with the break's record, the report's bytes, the attempt log's tail at closing), signed with
 * the teacher's key (namespace lynx-record) into learners/<name>/phase-NN/signoff.json. Refused (exit
 * 2) for a phase not closed, a closure already inconsistent (the report or the closure fields changed
 * since lynx report wrote them), or a key that is not a teacher's. Under `policy.closure: teacher` the
 * gate fails a closed phase without one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTarget } from './target.js';
import { attemptsFile, sha256 } from '../core/attempts.js';
import { closureDigest, tailAtClose } from '../core/closure-digest.js';
import { signoffFile, type SignoffRecord, type SignoffResult } from '../core/signoff.js';
import { canonicalRecord, teacherSigned } from '../core/records.js';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { isClosed } from '../core/status.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { CAPS, readRegularText, writeJsonAtomic } from '../io/fsx.js';
import { withLock } from '../io/lock.js';
import { teachers } from '../io/allowed-signers.js';
import { RECORD_NAMESPACE, recordKey, signRecord, verify } from '../io/signing.js';
import { layoutOf } from '../io/workspace.js';

export async function signoff(o: {
  cwd: string;
  learner?: string | undefined;
  phase: string;
  note?: string | undefined;
  key?: string | undefined;
}): Promise<SignoffResult> {
  const t = await openTarget(o.cwd, o.learner, o.phase, { requireFolder: true });
  const id = nn(t.phase.id);
  const cp = readCheckpoint(t.ws, t.learner, t.phase.id);
  if (!cp || !isClosed(cp.status))
    throw new UsageError(
      `phase ${id} is not closed for ${t.learner} (${cp?.status ?? 'not started'}): a teacher signs off a closed ` +
        `phase`,
      { hint: `The learner closes it with \`lynx report ${id}\`; then \`lynx gate ${id} --learner ${t.learner}\`.` },
    );
  const read = (rel: string, cap: number): string | undefined =>
    readRegularText(t.ws.abs(rel), { display: rel, cap, root: t.ws.root, optional: true });
  const repRel = layoutOf(t.ws, t.learner).report(t.phase.id);
  const rep = read(repRel, CAPS.learner);
  const digest = closureDigest({
    checkpoint: cp,
    reportSha256: rep === undefined ? undefined : sha256(rep),
    logSha256: tailAtClose(read(attemptsFile(t.learner, t.phase.id), CAPS.log), cp.closed_at),
  });
  // a sign-off vouches for the closure lynx report wrote: one already edited is not signed
  if (rep === undefined || sha256(rep) !== cp.report_sha256 || cp.gate_digest !== digest)
    throw new UsageError(
      `phase ${id}'s closure is not intact (${rep === undefined ? `${repRel} is missing` : sha256(rep) !== cp.report_sha256 ? `${repRel} changed after closing` : 'its closure fields changed after closing'}): nothing to sign off`,
      { hint: `\`lynx gate ${id} --learner ${t.learner}\` says what changed.` },
    );
  const key = await recordKey(t.ws, o.key);
  const at = new Date().toISOString();
  const fields = (by: string): Omit<SignoffRecord, 'signature'> => ({
    v: 1,
    phase: t.phase.id,
    learner: t.learner,
    digest,
    at,
    by,
    signed_by: by,
    ...(o.note ? { note: o.note } : {}),
  });
  const tmp = mkdtempSync(join(tmpdir(), 'lynx-signoff-'));
  let record: SignoffRecord;
  try {
    // whose key is it? a sign-off the gate could not verify, or a learner's, is refused now, not found in CI
    const probe = canonicalRecord('signoff', t.phase.id, fields('?'));
    const v = await verify(t.ws, probe, await signRecord(t.ws, key, probe), tmp, RECORD_NAMESPACE);
    if (!v.ok || v.principal === undefined)
      throw new UsageError(`this key cannot sign lynx records: ${v.message}`, {
        hint: "A teacher's key is listed in the allowed-signers file (lynx.yaml signing.allowed_signers).",
      });
    if (!teacherSigned(v, teachers(t.ws), t.learner))
      throw new UsageError(`${v.principal} is not a teacher here: a learner cannot sign off their own closure`);
    const f = fields(v.principal);
    record = { ...f, signature: await signRecord(t.ws, key, canonicalRecord('signoff', t.phase.id, f)) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const file = signoffFile(t.learner, t.phase.id);
  await withLock(t.ws.root, `lynx signoff ${id}`, () => writeJsonAtomic(t.ws.abs(file), record));
  return {
    phase: t.phase.id,
    learner: t.learner,
    digest,
    at,
    by: record.by,
    file,
    ...(o.note ? { note: o.note } : {}),
  };
}
