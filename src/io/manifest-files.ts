/** Finding experiment manifests and noticing which ones a lab run created or changed. */
import { sha256Hex } from '../core/hash.js';
import { CAPS, readRegular } from './fsx.js';

export const MANIFEST_GLOBS = ['experiments/**/manifest.json', 'experiments/**/*.manifest.json', 'models/**/*.manifest.json'];

/** `globs`: a learner's own (core/layout.ts manifestGlobs) so a cohort run sees only that learner's manifests. */
export async function findManifests(root: string, globs: string[] = MANIFEST_GLOBS): Promise<string[]> {
  const { globSync } = await import('tinyglobby');
  return globSync(globs, { cwd: root, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '.git/**', '.lynx/**'] }).sort();
}

/** Content hashes, so a rewrite within the same second still counts as a change. */
export async function manifestHashes(root: string, globs: string[] = MANIFEST_GLOBS): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of await findManifests(root, globs)) {
    // a manifest that is a FIFO, a device, outside the workspace or over the cap is refused (exit 2)
    const bytes = readRegular(`${root}/${p}`, { display: p, cap: CAPS.json, root, optional: true });
    if (bytes === undefined) continue; // vanished between glob and read: not a manifest of this run
    out.set(p, sha256Hex(bytes));
  }
  return out;
}

export function changed(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([p, h]) => before.get(p) !== h).map(([p]) => p).sort();
}
