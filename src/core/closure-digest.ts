/**
 * What a closing signature covers (issue 15: signatures that bind). The gate recomputes this digest
 * from the checkpoint's own fields, the sha256 of the report's bytes as they are now and the attempt
 * log's tail as it is now, and verifies the signature against *that* — never against the stored
 * gate_digest, which a forger can update along with an edited report. So editing the report (and its
 * recorded sha), appending an attempt, or editing a waiver under a valid old signature fails. Pure.
 */
import type { Checkpoint } from '../schemas/generated/types.js';
import { sha256 } from './attempts.js';

export interface DigestFacts {
  checkpoint: Pick<
    Checkpoint,
    'phase' | 'learner' | 'closed_at' | 'head_sha' | 'curriculum_sha256' | 'waivers' | 'attestations' | 'dod'
  >;
  /** sha256 of the report's bytes (recomputed, not the checkpoint's report_sha256). */
  reportSha256: string | undefined;
  /** sha256 of the attempt log's last line (recomputed), undefined when there is no log. */
  logSha256: string | undefined;
}

export function closureDigest(f: DigestFacts): string {
  const c = f.checkpoint;
  return sha256(
    JSON.stringify({
      v: 2,
      phase: c.phase,
      learner: c.learner,
      closed_at: c.closed_at ?? null,
      head_sha: c.head_sha ?? null,
      curriculum_sha256: c.curriculum_sha256 ?? null,
      report_sha256: f.reportSha256 ?? null,
      log_sha256: f.logSha256 ?? null,
      waivers: c.waivers ?? [],
      attestations: c.attestations ?? [],
      dod: c.dod ?? {},
    }),
  );
}
