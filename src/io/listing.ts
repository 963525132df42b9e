/** The manifests' listing: files matched by the DoD's experiment patterns, found with plain directory listings. */
import { lstatSync, readdirSync, statSync, statfsSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { realInside } from './fsx-read.js';

/**
 * A glob for experiments/07-<anything>/<any depth>/manifest.json crawls every experiment directory; with hundreds of
 * them that dominated `lynx checkpoint` (DESIGN §8 budget). When every pattern is
 * `<literal dir>/<simple segment>/<rest>`, list the directory once, keep the entries whose name
 * matches the segment, and glob only inside those.
 *
 * `known` receives the real path of every regular file such a listing found: the listing followed no
 * symlink, so each is the base directory's real path (resolved once, inside the workspace) joined with
 * the names listed, and reading it needs no realpath(3) again (issue 20: 10,000 of them for 5,000 manifests).
 */
export function narrowedGlob(
  root: string,
  patterns: string[],
  glob: (p: string[], cwd: string) => string[],
  known: Map<string, string>,
): string[] | undefined {
  const parts = patterns.map((p) => /^([^*?{}[\]!]+)\/([^/{}[\]!]+)\/(.+)$/.exec(p));
  if (parts.some((m) => !m || !/[*?]/.test(m[2] ?? ''))) return undefined;
  const out = new Set<string>();
  const listings = new Map<string, string[]>();
  for (const m of parts as RegExpExecArray[]) {
    const [, base = '', seg = '', rest = ''] = m;
    let names = listings.get(base);
    if (!names) {
      try {
        names = readdirSync(join(root, base), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name);
      } catch {
        names = [];
      }
      listings.set(base, names);
    }
    const re = new RegExp(
      `^${seg
        .replace(/[.+^$()|\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
    const literal = /^\*\*\/([^*?{}[\]!/]+)$/.exec(rest)?.[1];
    let realBase: string | undefined;
    let leafy: boolean | undefined;
    for (const name of names.filter((n) => re.test(n))) {
      if (literal === undefined) {
        for (const f of glob([rest], join(root, base, name))) out.add(`${base}/${name}/${f}`);
        continue;
      }
      // a symlinked base out of the workspace is refused here, on its first match, as the match itself was
      realBase ??= realInside(root, join(root, base), base) ?? join(root, base);
      for (const f of namedUnder(join(root, base, name), literal, (leafy ??= countsSubdirs(join(root, base))))) {
        const rel = `${base}/${name}/${f.rel}`;
        out.add(rel);
        if (!f.viaLink) known.set(rel, join(realBase, name, f.rel));
      }
    }
  }
  return [...out].sort();
}

/**
 * `**\/<literal name>` (every manifest pattern) needs no matcher: a walk of plain listings, keeping the files of that
 * name. Globbing inside each of 5,000 directories compiled the pattern 5,000 times, and a recursive readdir per
 * directory cost twice a plain one (issue 20). Like the glob, it descends into no symlinked directory; a symlink
 * to a file of that name counts (`viaLink`: its target is resolved and checked when read).
 */
export function namedUnder(top: string, name: string, leafy: boolean): { rel: string; viaLink: boolean }[] {
  const out: { rel: string; viaLink: boolean }[] = [];
  const walk = (dir: string, prefix: string): void => {
    if (leafy && statSync(dir, { throwIfNoEntry: false })?.nlink === 2) {
      leaf(dir, prefix);
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries) {
      if (d.isDirectory()) walk(join(dir, d.name), `${prefix}${d.name}/`);
      else if (d.name === name) hit(d, dir, prefix);
    }
  };
  // the file itself, or a symlink to a file (its target is resolved and checked when read)
  const hit = (t: { isFile(): boolean; isSymbolicLink(): boolean }, dir: string, prefix: string): void => {
    if (t.isFile()) out.push({ rel: `${prefix}${name}`, viaLink: false });
    else if (t.isSymbolicLink() && statSync(join(dir, name), { throwIfNoEntry: false })?.isFile() === true)
      out.push({ rel: `${prefix}${name}`, viaLink: true });
  };
  // a directory with no subdirectory: the one name it could hold is looked up, not listed (2 system calls, not 5)
  const leaf = (dir: string, prefix: string): void => {
    const st = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (st) hit(st, dir, prefix);
  };
  walk(top, '');
  return out;
}

/**
 * Linux filesystems whose directory link count is 2 + its subdirectories (ext2/3/4, xfs, tmpfs), so a count of
 * 2 proves a leaf — find(1)'s leaf optimisation, and, like fts(3), only where the filesystem is known to keep
 * that count (btrfs says 1, some network filesystems guess). Elsewhere every directory is listed.
 */
const COUNTS_SUBDIRS = new Set([0xef53, 0x58465342, 0x01021994]);
function countsSubdirs(dir: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return COUNTS_SUBDIRS.has(statfsSync(dir).type);
  } catch {
    return false;
  }
}
