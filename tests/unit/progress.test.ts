/**
 * progress.md (issue 17): one place saves a checkpoint and re-renders the view (src/app/progress.ts);
 * the view shows an open phase as in progress and every waiver and attestation, with who and
 * whether a signature covers it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildStatus } from '../../src/core/status.js';
import { renderProgress } from '../../src/core/progress.js';
import type { PhaseSummary } from '../../src/core/curriculum.js';
import { repoRoot } from '../helpers/cli.js';

const index: PhaseSummary[] = [5, 6].map((id) => ({
  id,
  slug: `s${id}`,
  title: `Title ${id}`,
  requires: [],
  threshold: 0.7,
  quiz_file: null,
  labs: 1,
  dod: 1,
  breaks: 1,
  sha256: 'x',
}));

describe('progress.md', () => {
  it('phase 06 waived does not read "done, quiz —": the waiver, its author and its signature show', () => {
    const st = buildStatus(
      'ana',
      index,
      new Map<number, never>([
        [
          5,
          {
            schema_version: 1,
            phase: 5,
            learner: 'ana',
            status: 'in_progress',
            approved_at: '2026-05-24T10:00:00Z',
            attestations: [{ item: 'explain', at: '2026-05-25T10:00:00Z', by: 'ana' }],
          } as never,
        ],
        [
          6,
          {
            schema_version: 1,
            phase: 6,
            learner: 'ana',
            status: 'attested',
            closed_at: '2026-06-01T10:00:00Z',
            signature: '-----BEGIN SSH SIGNATURE-----',
            waivers: [{ item: 'gpu-run', at: '2026-05-30T10:00:00Z', by: 'teacher-bo', reason: 'no GPU' }],
          } as never,
        ],
      ]),
    );
    const md = renderProgress(st);
    expect(md).toContain(
      '| 05 | Title 5 | in progress | — | 2026-05-24 | — | attested: explain by ana (self), unsigned |',
    );
    expect(md).toContain(
      '| 06 | Title 6 | done (attested) | — | — | 2026-06-01 | waived: gpu-run by teacher-bo, signed |',
    );
    expect(st.rows[1]?.waivers).toEqual([
      { item: 'gpu-run', by: 'teacher-bo', at: '2026-05-30T10:00:00Z', self: false, signed: true },
    ]);
    // a record made after a signed close is not covered by that signature
    const late = buildStatus(
      'ana',
      index,
      new Map<number, never>([
        [
          6,
          {
            schema_version: 1,
            phase: 6,
            learner: 'ana',
            status: 'attested',
            closed_at: '2026-06-01T10:00:00Z',
            signature: 's',
            waivers: [{ item: 'x', at: '2026-06-02T10:00:00Z', by: 'ana', reason: 'r' }],
          } as never,
        ],
      ]),
    );
    expect(late.rows[1]?.waivers[0]?.signed).toBe(false);
  });

  it('only src/app/progress.ts writes a checkpoint: every state change re-renders the view', () => {
    const src = join(repoRoot, 'src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (f) => /\.tsx?$/.test(f) && !f.includes('generated'),
    );
    const writers = files
      .filter((f) => /\bwriteCheckpoint\(/.test(readFileSync(join(src, f), 'utf8')))
      .map((f) => relative(src, join(src, f)).split('\\').join('/'));
    expect(writers.sort()).toEqual(['app/progress.ts', 'io/checkpoint.ts']);
  });
});
