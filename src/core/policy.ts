/**
 * Trust policy and roles (issue 15), the small API the cohorts work builds on. `lynx.yaml` `policy:`
 * says who may waive or attest and how a workspace curriculum override is treated; a *teacher* is
 * the holder of a key listed in the allowed-signers file committed in the repository
 * (src/io/allowed-signers.ts reads it; `ssh-keygen -Y` verifies). Pure: parsing and judging only.
 */
export type Who = 'self' | 'teacher';

export interface Policy {
  /** Who may waive a DoD item: the learner, only a teacher (a signed waiver), or nobody. */
  waivers: Who | 'none';
  /** At most this many waivers per phase (undefined: no limit). */
  max_waivers?: number | undefined;
  /** Who may attest a human-judged item. */
  attest: Who;
  /** A workspace curriculum that differs from the bundled one: used, flagged by the gate, or refused. */
  curriculum_override: 'allowed' | 'flagged' | 'refused';
  /** Who vouches for a closure: the learner's `lynx report` alone, or also a teacher's signed sign-off. */
  closure: Who;
}

export const DEFAULT_POLICY: Policy = {
  waivers: 'self',
  attest: 'self',
  curriculum_override: 'allowed',
  closure: 'self',
};

/** The policy in force: the defaults overlaid with what lynx.yaml says (the config schema validated it). */
export function policyOf(config: { policy?: Partial<Policy> | undefined }): Policy {
  return { ...DEFAULT_POLICY, ...(config.policy ?? {}) };
}

/** A waiver, attestation or review event as the policy judges it: who recorded it and whether it is signed by a
 * teacher. */
export interface SignedRecord {
  by: string;
  signed_by?: string | undefined;
}

/** Whether a record satisfies the policy for its kind; a reason when it does not. */
export function admits(
  p: Policy,
  kind: 'waive' | 'attest',
  r: SignedRecord,
  teachers: ReadonlySet<string>,
): { ok: true } | { ok: false; reason: string } {
  const rule = kind === 'waive' ? p.waivers : p.attest;
  if (rule === 'none') return { ok: false, reason: 'the policy allows no waivers (lynx.yaml policy.waivers: none)' };
  if (rule === 'self') return { ok: true };
  if (r.signed_by !== undefined && teachers.has(r.signed_by)) return { ok: true };
  return {
    ok: false,
    reason:
      `the policy requires a teacher's signature (lynx.yaml policy.${kind === 'waive' ? 'waivers' : 'attest'}: ` +
      `teacher); ` +
      `${r.signed_by === undefined ? 'this record is unsigned' : `${r.signed_by} is not in the allowed-signers file`}`,
  };
}
