/** `lynx manifest check`: one line per manifest, its problems under it. */
import type { ManifestCheckResult } from '../core/manifest-results.js';
import type { Theme } from './theme.js';

export function renderCheck(r: ManifestCheckResult, t: Theme): string {
  if (r.manifests.length === 0) return t.dim('no manifests under experiments/ (nor models/*.manifest.json)');
  const lines: string[] = [];
  for (const m of r.manifests) {
    if (m.status === 'ok') {
      const facts = [
        m.git_sha ? `git_sha ${m.git_sha.slice(0, 12)} in history` : '',
        'clean',
        m.wall_seconds !== undefined ? `${m.wall_seconds} s` : '',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(`${t.ok('✓')} ${m.path}  ${t.dim(facts)}`);
    } else {
      lines.push(`${t.bad('✗')} ${m.path}  ${m.problems[0] ?? ''}`);
      for (const p of m.problems.slice(1)) lines.push(`    ${p}`);
    }
  }
  const bad = r.manifests.filter((m) => m.status !== 'ok').length;
  lines.push(t.dim(`${r.manifests.length} manifest(s), ${bad === 0 ? 'all clean' : `${bad} with problems`}`));
  return lines.join('\n');
}
