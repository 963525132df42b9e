/**
 * The phase's human records — waivers, attestations, a teacher's grades — judged at gate time (issue
 * 15): whose they are, whether their signatures verify, and whether the workspace's policy admits
 * them. Signature verification is io (ssh-keygen); the use case passes each verdict in. Pure.
 */
import type { CheckResult } from './checks/types.js';
import type { Policy } from './policy.js';

/** `signoff`: a teacher's sign-off of a closure (core/signoff.ts), signed like the others, judged apart. */
export type RecordKind = 'waiver' | 'attestation' | 'grade' | 'signoff';

/** One record as the gate sees it; `where` names it for a person (file:line or file waivers[2]). */
export interface HumanRecord {
  kind: RecordKind;
  item: string;
  at: string;
  by: string;
  learner?: string | undefined;
  signed_by?: string | undefined;
  signature?: string | undefined;
  /** The reason (waiver), note (attestation) or verdict (grade): shown in the listing. */
  text?: string | undefined;
  where: string;
}

/** What ssh-keygen said about a record's signature (absent when the record is unsigned). */
export interface Verified {
  ok: boolean;
  principal?: string | undefined;
  message: string;
}

/**
 * The bytes a record's signature covers: every field but the signature, keys sorted, with the kind
 * and phase, so a waiver's signature cannot be replayed as an attestation or on another phase.
 */
export function canonicalRecord(kind: RecordKind, phase: number, fields: Record<string, unknown>): string {
  const { signature: _sig, ...rest } = fields;
  const all: Record<string, unknown> = { ...rest, kind, phase, v: 1 };
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(all)
        .sort()
        .map((k) => [k, all[k]]),
    ),
  );
}

/**
 * A record a verified teacher's key signed: the policy's and `--strict`'s test. A principal named
 * after the learner (`ana`, `ana@…`) is the learner's own key, never a teacher's.
 */
export const teacherSigned = (v: Verified | undefined, teachers: ReadonlySet<string>, learner: string): boolean =>
  v?.ok === true &&
  v.principal !== undefined &&
  teachers.has(v.principal) &&
  v.principal !== learner &&
  !v.principal.startsWith(`${learner}@`);

/** Every problem of one record (empty: admitted). */
export function recordProblems(
  r: HumanRecord,
  v: Verified | undefined,
  f: { learner: string; policy: Policy; strict: boolean; teachers: ReadonlySet<string> },
): string[] {
  const out: string[] = [];
  const name = `${r.kind} of "${r.item}" (${r.where})`;
  if (r.learner !== undefined && r.learner !== f.learner)
    out.push(`${name} names learner "${r.learner}", not "${f.learner}" — it is someone else's record`);
  if (r.signature === undefined && r.signed_by !== undefined)
    out.push(`${name} says it was signed by ${r.signed_by} but carries no signature`);
  if (r.signature !== undefined && v && !v.ok) out.push(`${name}: the signature does not verify — ${v.message}`);
  if (v?.ok === true && r.signed_by !== undefined && v.principal !== r.signed_by)
    out.push(`${name} says it was signed by ${r.signed_by}, but the key is ${String(v.principal)}'s`);
  const teacher = teacherSigned(v, f.teachers, f.learner);
  if (r.kind === 'waiver' && f.policy.waivers === 'none')
    out.push(`${name}: the policy allows no waivers (lynx.yaml policy.waivers: none)`);
  if (r.kind === 'waiver' && f.policy.waivers === 'teacher' && !teacher)
    out.push(
      `${name}: the policy requires a teacher's signature (policy.waivers: teacher) — ` +
        `${r.signature === undefined ? 'it is unsigned' : 'its signer is not a teacher'}`,
    );
  if (r.kind === 'attestation' && f.policy.attest === 'teacher' && !teacher)
    out.push(
      `${name}: the policy requires a teacher's signature (policy.attest: teacher) — ` +
        `${r.signature === undefined ? 'it is unsigned' : 'its signer is not a teacher'}`,
    );
  // --strict: a record that claims someone other than the learner did it must prove it with that someone's key
  if (r.kind === 'grade' && r.by === f.learner)
    out.push(`${name} is by the learner — a learner cannot grade their own answers`);
  if (f.strict && r.kind !== 'grade' && r.by !== f.learner && !teacher)
    out.push(
      `${name} is recorded as by ${r.by} but no teacher signed it (--strict refuses unsigned teacher-only records)`,
    );
  return out;
}

const line = (r: HumanRecord, v: Verified | undefined, teachers: ReadonlySet<string>, learner: string): string => {
  const signed =
    r.signature === undefined
      ? 'unsigned'
      : v?.ok === true
        ? `signed by ${String(v.principal)}${teacherSigned(v, teachers, learner) ? ' (teacher)' : ''}`
        : 'signature INVALID';
  return (
    `${r.kind} ${r.item} by ${r.by} on ${r.at.slice(0, 10)}, ${signed}` + `${r.text ? `: ${r.text.slice(0, 120)}` : ''}`
  );
};

export interface RecordsFacts {
  learner: string;
  policy: Policy;
  strict: boolean;
  teachers: ReadonlySet<string>;
  records: { r: HumanRecord; v?: Verified | undefined }[];
}

/** The `gate:records` check: every record listed (who, when, signed or not); any problem fails it. */
export function recordsCheck(f: RecordsFacts): {
  check: CheckResult;
  counts: { waivers: number; attestations: number; grades: number; signed: number; unsigned: number };
} {
  const problems = f.records.flatMap(({ r, v }) => recordProblems(r, v, f));
  const waivers = f.records.filter(({ r }) => r.kind === 'waiver');
  const items = new Set(waivers.map(({ r }) => r.item));
  if (f.policy.max_waivers !== undefined && items.size > f.policy.max_waivers)
    problems.push(
      `${items.size} item(s) waived, more than the policy allows (policy.max_waivers: ${f.policy.max_waivers})`,
    );
  const signed = f.records.filter(({ v }) => v?.ok === true).length;
  const counts = {
    waivers: waivers.length,
    attestations: f.records.filter(({ r }) => r.kind === 'attestation').length,
    grades: f.records.filter(({ r }) => r.kind === 'grade').length,
    signed,
    unsigned: f.records.length - signed,
  };
  const listing = f.records.map(({ r, v }) => line(r, v, f.teachers, f.learner));
  const base = {
    id: 'gate:records',
    kind: 'records',
    title: "waivers, attestations and grades are this learner's and admitted by the policy",
  };
  const summary =
    `${counts.waivers} waiver(s), ${counts.attestations} attestation(s), ${counts.grades} grade(s); ${signed} ` +
    `signed`;
  if (problems.length > 0)
    return {
      counts,
      check: {
        ...base,
        status: 'fail',
        message: problems[0] ?? '',
        evidence: [...problems, ...listing].slice(0, 40),
        expected: 'records admitted by lynx.yaml policy',
        actual: `${problems.length} problem(s); ${summary}`,
      },
    };
  return {
    counts,
    check: {
      ...base,
      status: 'pass',
      message: f.records.length === 0 ? 'no waivers, attestations or grades' : summary,
      evidence: listing.slice(0, 40),
    },
  };
}
