/**
 * A teacher's sign-off of a phase's closure (issue 15: what only signing can stop). A learner who
 * writes a consistent closure by hand — a report with lynx's block copied, closure fields and a
 * digest computed, a break trail typed in — passes every check the gate can make from committed
 * artifacts. Under `policy.closure: teacher` the gate also wants learners/<name>/phase-NN/signoff.json:
 * the closure digest (core/closure-digest.ts) signed with a teacher's key (namespace lynx-record,
 * the key listed in the committed allowed-signers file). The gate recomputes the digest, so an edit
 * after the sign-off fails; the signature must be a teacher's, so a learner cannot sign their own. Pure.
 */
import type { CheckResult } from './checks/types.js';
import type { Verified } from './records.js';
import { nn } from './ids.js';

/** learners/<name>/phase-NN/signoff.json (src/schemas/output/signoff.schema.json's `record`). */
export interface SignoffRecord {
  v: 1;
  phase: number;
  learner: string;
  /** The closure digest the teacher signed (recomputed by the gate, never trusted). */
  digest: string;
  at: string;
  /** The teacher: the allowed-signers principal whose key signed it. */
  by: string;
  signed_by: string;
  note?: string;
  signature: string;
}

export const signoffFile = (learner: string, phase: number): string =>
  `learners/${learner}/phase-${nn(phase)}/signoff.json`;

/** The record, or why the file is not one (its shape only; the signature is io's to verify). */
export function parseSignoff(text: string, file: string): { record?: SignoffRecord; problem?: string } {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { problem: `${file}: not valid JSON — a sign-off is written by lynx signoff` };
  }
  const r = o as Partial<SignoffRecord> | null;
  const ok =
    r !== null &&
    typeof r === 'object' &&
    r.v === 1 &&
    typeof r.phase === 'number' &&
    typeof r.learner === 'string' &&
    typeof r.digest === 'string' &&
    typeof r.at === 'string' &&
    typeof r.by === 'string' &&
    typeof r.signed_by === 'string' &&
    typeof r.signature === 'string';
  if (!ok) return { problem: `${file}: not a sign-off (v 1, phase, learner, digest, at, by, signed_by, signature)` };
  return { record: r as SignoffRecord };
}

export interface SignoffFacts {
  phase: number;
  learner: string;
  /** policy.closure: teacher — a closed phase needs a teacher's sign-off. */
  required: boolean;
  file: string;
  /** The file's text, undefined when there is none. */
  text: string | undefined;
  /** The closure digest recomputed from what is committed now. */
  digest: string;
  /** ssh-keygen's verdict on the record's signature (absent when there is no well-formed record). */
  verified?: Verified | undefined;
  /** Whether the verified principal is a teacher of this workspace (and not the learner). */
  teacher: boolean;
}

/** The `closure:signoff` check; undefined when no sign-off is required and none is there. */
export function signoffCheck(f: SignoffFacts): CheckResult | undefined {
  if (f.text === undefined && !f.required) return undefined;
  const base = { id: 'closure:signoff', kind: 'closure', title: "a teacher signed off the phase's closure" };
  const no = (message: string): CheckResult => ({
    ...base,
    status: 'fail',
    message,
    evidence: [f.file],
    expected: "a teacher's signature over the closure digest the gate recomputes",
  });
  if (f.text === undefined)
    return no(
      `policy.closure: teacher, and phase ${nn(f.phase)}'s closure has no teacher's sign-off (${f.file}) — a ` +
        `teacher reviews it and runs \`lynx signoff ${nn(f.phase)} --learner ${f.learner}\``,
    );
  const { record: r, problem } = parseSignoff(f.text, f.file);
  if (!r) return no(problem ?? `${f.file}: not a sign-off`);
  if (r.learner !== f.learner) return no(`${f.file} signs off learner "${r.learner}", not "${f.learner}"`);
  if (r.phase !== f.phase) return no(`${f.file} signs off phase ${r.phase}, not ${f.phase}`);
  const v = f.verified;
  if (!v?.ok) return no(`${f.file}: the signature does not verify — ${v?.message ?? 'not checked'}`);
  if (v.principal !== r.signed_by)
    return no(`${f.file} says it was signed by ${r.signed_by}, but the key is ${String(v.principal)}'s`);
  if (!f.teacher)
    return no(
      `${f.file} is signed by ${String(v.principal)}, who is not a teacher here (a principal of the ` +
        `allowed-signers file for lynx-record, not the learner) — a learner cannot sign off their own closure`,
    );
  if (r.digest !== f.digest)
    return no(
      `the closure changed after ${r.by} signed it off on ${r.at.slice(0, 10)}: the digest recomputed from the ` +
        `checkpoint, the report and the attempt log is ${f.digest.slice(0, 12)}, the sign-off covers ` +
        `${r.digest.slice(0, 12)}`,
    );
  return {
    ...base,
    status: 'pass',
    message: `signed off by ${r.by} (teacher) on ${r.at.slice(0, 10)}${r.note ? `: ${r.note.slice(0, 120)}` : ''}`,
    evidence: [f.file],
  };
}

/** What `lynx signoff` recorded (src/schemas/output/signoff.schema.json). */
export interface SignoffResult {
  phase: number;
  learner: string;
  digest: string;
  at: string;
  by: string;
  file: string;
  note?: string;
}
