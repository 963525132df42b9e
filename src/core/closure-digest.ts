/**
 * What a closing signature covers (issue 15: signatures that bind). The gate recomputes this digest
 * from the checkpoint's own fields (the break's record among them), the sha256 of the report's bytes
 * as they are now and the attempt log's tail as it was at closing, and verifies the learner's
 * signature and a teacher's sign-off against *that* — never against the stored gate_digest, which a
 * forger can update along with an edited report. So editing the report (and its recorded sha),
 * appending an attempt, editing a waiver or the break under a valid old signature fails. Pure.
 */
import type { Checkpoint } from '../schemas/generated/types.js';
import { sha256, tailSha256 } from './attempts.js';

export interface DigestFacts {
  checkpoint: Pick<
    Checkpoint,
    'phase' | 'learner' | 'closed_at' | 'head_sha' | 'curriculum_sha256' | 'waivers' | 'attestations' | 'dod' | 'break'
  >;
  /** sha256 of the report's bytes (recomputed, not the checkpoint's report_sha256). */
  reportSha256: string | undefined;
  /** sha256 of the attempt log's last line at closing (recomputed), undefined when there is no log. */
  logSha256: string | undefined;
}

export function closureDigest(f: DigestFacts): string {
  const c = f.checkpoint;
  return sha256(
    JSON.stringify({
      v: 3,
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
      // v3: the break's record (a break marked restored by hand after closing, or after a sign-off, unbinds it)
      break: c.break ?? null,
    }),
  );
}

/**
 * The attempt log's tail as it was at closing: the last line whose `at` is not after closed_at. A
 * practice retake after closing (hand-appended: lynx quiz records those apart) does not unbind it.
 */
export function tailAtClose(text: string | undefined, closedAt: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const closed = Date.parse(closedAt ?? '');
  if (!Number.isFinite(closed)) return tailSha256(text);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let end = lines.length;
  while (end > 0) {
    try {
      if (Date.parse((JSON.parse(lines[end - 1] ?? '') as { at: string }).at) <= closed) break;
    } catch {
      break;
    }
    end--;
  }
  return tailSha256(lines.slice(0, end).join('\n'));
}
