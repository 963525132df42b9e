/** Measurements read from the tree for a report: source lines by language, the phase's manifests. */
import { readRegularText } from './fsx.js';
import { tallyLines, languageOf, type LangRow } from '../core/measure.js';
import { phaseManifestGlobs } from '../core/gate-manifests.js';
import type { ManifestRow } from '../core/report.js';
import type { CheckContext } from '../core/checks/types.js';
import type { Workspace } from './workspace.js';

const MAX_BYTES = 2 * 1024 * 1024;

export function sourceLines(ws: Workspace, tracked: Iterable<string>): LangRow[] {
  const files: { path: string; lines: number }[] = [];
  for (const path of tracked) {
    if (!languageOf(path) || path.startsWith('learners/')) continue;
    try {
      // a tracked symlink to /dev/zero or out of the workspace is not source: skipped, never read
      const text = readRegularText(ws.abs(path), { display: path, cap: MAX_BYTES, root: ws.root, optional: true });
      if (text === undefined) continue;
      files.push({ path, lines: text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
    } catch {
      /* deleted in the work tree: not counted */
    }
  }
  return tallyLines(files);
}

export function manifestRows(ctx: CheckContext): ManifestRow[] {
  const paths = ctx.fs.glob(phaseManifestGlobs(ctx.phase.id));
  return paths.map((path) => {
    try {
      const m = JSON.parse(ctx.fs.read(path) ?? '') as {
        git_sha?: string;
        seed?: unknown;
        wall_seconds?: number;
        metrics?: Record<string, unknown>;
      };
      const metrics = Object.entries(m.metrics ?? {})
        .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
        .slice(0, 4)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      return {
        path,
        sha: (m.git_sha ?? '?').slice(0, 12),
        seed: JSON.stringify(m.seed ?? null),
        wall: m.wall_seconds === undefined ? '—' : `${m.wall_seconds} s`,
        metrics: metrics || '—',
      };
    } catch {
      return { path, sha: '?', seed: '?', wall: '?', metrics: 'unreadable' };
    }
  });
}
