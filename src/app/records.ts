/**
 * Gate time (issue 15): the phase's waivers, attestations and a teacher's grades, their signatures
 * verified with ssh-keygen against the committed allowed-signers file, judged by the policy
 * (core/records.ts); and a workspace curriculum override compared with the bundled phase
 * (core/override.ts). Also decides which grades count toward the quiz score.
 */
import type { CheckContext, CheckResult } from '../core/checks/types.js';
import { canonicalRecord, recordsCheck, teacherSigned, type HumanRecord, type Verified } from '../core/records.js';
import { overrideCheck, weakenedItems } from '../core/override.js';
import { policyOf } from '../core/policy.js';
import { gradesFile } from '../core/grades.js';
import { checkpointPath } from '../core/ids.js';
import { teachers } from '../io/allowed-signers.js';
import { RECORD_NAMESPACE, verify } from '../io/signing.js';
import { bundledPhase } from '../io/curriculum.js';
import type { Target } from './target.js';
import type { GateResult } from '../schemas/generated/types.js';

export type RecordCounts = NonNullable<GateResult['records']>;

/** The checkpoint's and grade log's records in the shape the judge reads. */
function humanRecords(ctx: CheckContext, t: Target): { r: HumanRecord; fields: Record<string, unknown> }[] {
  const cp = ctx.state.checkpoint;
  const cpPath = checkpointPath(t.learner, t.phase.id);
  const out: { r: HumanRecord; fields: Record<string, unknown> }[] = [];
  (cp?.waivers ?? []).forEach((w, i) =>
    out.push({
      fields: w,
      r: {
        kind: 'waiver',
        item: w.item,
        at: w.at,
        by: w.by,
        learner: w.learner,
        signed_by: w.signed_by,
        signature: w.signature,
        text: w.reason,
        where: `${cpPath} waivers[${i}]`,
      },
    }),
  );
  (cp?.attestations ?? []).forEach((a, i) =>
    out.push({
      fields: a,
      r: {
        kind: 'attestation',
        item: a.item,
        at: a.at,
        by: a.by,
        learner: a.learner,
        signed_by: a.signed_by,
        signature: a.signature,
        text: a.note,
        where: `${cpPath} attestations[${i}]`,
      },
    }),
  );
  (ctx.state.grades?.records ?? []).forEach((g, i) => {
    const { prev: _p, ...fields } = g;
    out.push({
      fields,
      r: {
        kind: 'grade',
        item: g.item,
        at: g.at,
        by: g.by,
        learner: g.learner,
        signed_by: g.signed_by,
        signature: g.signature,
        text: `${g.verdict}${g.note ? ` — ${g.note}` : ''}`,
        where: `${gradesFile(t.learner, t.phase.id)} grade ${i + 1}`,
      },
    });
  });
  return out;
}

export async function recordChecks(
  t: Target,
  ctx: CheckContext,
  tmp: string,
  strict: boolean,
): Promise<{ checks: CheckResult[]; counts: RecordCounts }> {
  const policy = policyOf(t.ws.config);
  const who = teachers(t.ws);
  const recs = humanRecords(ctx, t);
  const judged: { r: HumanRecord; v?: Verified | undefined }[] = [];
  for (const { r, fields } of recs) {
    const v =
      r.signature === undefined
        ? undefined
        : await verify(t.ws, canonicalRecord(r.kind, t.phase.id, fields), r.signature, tmp, RECORD_NAMESPACE);
    judged.push({ r, v });
  }
  // the grades that count: never a forged or someone else's; under --strict only a teacher's signed ones
  const grades = ctx.state.grades;
  if (grades) {
    const counted = grades.records.filter((_g, i) => {
      const j = judged.filter((x) => x.r.kind === 'grade')[i];
      if (
        !j ||
        (j.r.learner !== undefined && j.r.learner !== t.learner) ||
        j.r.by === t.learner ||
        (j.v !== undefined && !j.v.ok)
      )
        return false;
      return !strict || teacherSigned(j.v, who, t.learner);
    });
    ctx.state.grades = { ...grades, records: counted };
  }
  const { check, counts } = recordsCheck({ learner: t.learner, policy, strict, teachers: who, records: judged });
  const checks = [check];
  const bundled = t.ws.config.curriculum ? bundledPhase(t.phase.id) : undefined;
  const o = bundled ? overrideCheck(t.phase.id, weakenedItems(bundled, t.phase), policy, strict) : undefined;
  if (o) checks.push(o);
  return { checks, counts };
}
