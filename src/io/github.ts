/**
 * GitHub Actions output (only when GITHUB_ACTIONS=true): an error annotation per failing check,
 * on the file it names when it names one, and a job summary table. @actions/core does the
 * escaping and writes $GITHUB_STEP_SUMMARY.
 */
import type { GateResult } from '../schemas/generated/types.js';

type Check = GateResult['checks'][number];

/** The file a check's evidence points at (path or path:line), if any. */
export function fileOf(c: Check): { file: string; line?: number } | undefined {
  for (const e of [...(c.evidence ?? []), c.message]) {
    const m = /^([\w./@+-]+\.[\w]+)(?::(\d+))?/.exec(e.trim());
    if (m?.[1] && !m[1].startsWith('http')) return { file: m[1], ...(m[2] ? { line: Number(m[2]) } : {}) };
  }
  return undefined;
}

export async function emitGithub(results: readonly GateResult[]): Promise<void> {
  if (process.env.GITHUB_ACTIONS !== 'true') return;
  const core = await import('@actions/core');
  for (const r of results) {
    for (const c of r.checks) {
      if (c.waived === undefined && c.status === 'warn') core.warning(c.message, { title: `lynx gate ${String(r.phase).padStart(2, '0')} · ${c.id}` });
      if (c.waived !== undefined || (c.status !== 'fail' && c.status !== 'error')) continue;
      const where = fileOf(c);
      core.error(c.message, { title: `lynx gate ${String(r.phase).padStart(2, '0')} · ${c.id}`, ...(where ? { file: where.file, ...(where.line ? { startLine: where.line } : {}) } : {}) });
    }
  }
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const s = core.summary.addHeading('lynx gate', 2);
  for (const r of results) {
    s.addHeading(`Phase ${String(r.phase).padStart(2, '0')} · ${r.learner} · ${r.status.toUpperCase()}`, 3);
    s.addTable([
      [{ data: 'check', header: true }, { data: 'result', header: true }, { data: 'detail', header: true }],
      ...r.checks.map((c) => [c.id, c.waived !== undefined ? 'waived' : c.status, (c.waived ?? c.message).slice(0, 200)]),
    ]);
  }
  await s.write();
}
