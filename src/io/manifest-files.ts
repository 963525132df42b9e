/** Finding experiment manifests and noticing which ones a lab run created or changed. */
import { sha256Hex } from '../core/hash.js';
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CAPS, readRegular } from './fsx.js';
import { globSync } from './globber.js';

export const MANIFEST_GLOBS = [
  'experiments/**/manifest.json',
  'experiments/**/*.manifest.json',
  'models/**/*.manifest.json',
];

/** `<base>/**\/<name>` or `<base>/**\/*<suffix>`: the shape of every manifest pattern. */
const TREE = /^([^*?{}[\]!]+)\/\*\*\/(\*?)([^*?{}[\]!/]+)$/;

/**
 * Every entry under `base` whose name matches, whatever its type: a glob with onlyFiles drops a FIFO,
 * a directory or a dangling symlink named manifest.json, and a manifest skipped is a gate passed on
 * nothing — listed here, each is refused by the reader (exit 2, naming it). Symlinked directories are
 * not descended (readdir's recursion does not follow them).
 */
function namedUnder(root: string, base: string, star: boolean, name: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, base), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const d of entries) {
    if (!(star ? d.name.endsWith(name) && d.name.length > name.length : d.name === name)) continue;
    const rel = relative(root, join(d.parentPath, d.name)).split(sep).join('/');
    if (!rel.split('/').includes('node_modules') && !rel.split('/').some((seg) => seg.startsWith('.'))) out.push(rel);
  }
  return out;
}

/** `globs`: a learner's own (core/layout.ts manifestGlobs) so a cohort run sees only that learner's manifests. */
export function findManifests(root: string, globs: string[] = MANIFEST_GLOBS): string[] {
  const found = new Set<string>();
  const other: string[] = [];
  for (const g of globs) {
    const m = TREE.exec(g);
    if (m) for (const rel of namedUnder(root, m[1] ?? '', m[2] === '*', m[3] ?? '')) found.add(rel);
    else other.push(g);
  }
  if (other.length > 0) {
    for (const rel of globSync(other, {
      cwd: root,
      onlyFiles: true,
      dot: false,
      ignore: ['**/node_modules/**', '.git/**', '.lynx/**'],
    }))
      found.add(rel);
  }
  return [...found].sort();
}

/** Content hashes, so a rewrite within the same second still counts as a change. */
export function manifestHashes(root: string, globs: string[] = MANIFEST_GLOBS): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of findManifests(root, globs)) {
    // a manifest that is a FIFO, a device, outside the workspace or over the cap is refused (exit 2)
    const bytes = readRegular(`${root}/${p}`, { display: p, cap: CAPS.json, root, optional: true });
    if (bytes === undefined) continue; // vanished between glob and read: not a manifest of this run
    out.set(p, sha256Hex(bytes));
  }
  return out;
}

export function changed(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after]
    .filter(([p, h]) => before.get(p) !== h)
    .map(([p]) => p)
    .sort();
}
