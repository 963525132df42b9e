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
 * Every plain file it finds also gets its identity (`stamp`), what the checkpoint's doc cache and memo are keyed by.
 */
export function narrowedGlob(
  root: string,
  patterns: string[],
  glob: (p: string[], cwd: string) => string[],
  known: Map<string, Known>,
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
    // joined once: a name a listing returned holds no '/' and is never '.' or '..', so `dir/name` is already
    // what path.join would make (its normalising scan, run 4 times per manifest cold, was ~40 ms of 5,000)
    const baseAbs = join(root, base);
    for (const name of names) {
      if (!re.test(name)) continue;
      if (literal === undefined) {
        for (const f of glob([rest], join(baseAbs, name))) out.add(`${base}/${name}/${f}`);
        continue;
      }
      // a symlinked base out of the workspace is refused here, on its first match, as the match itself was
      realBase ??= realInside(root, baseAbs, base) ?? baseAbs;
      leafy ??= countsSubdirs(baseAbs);
      const found: Found[] = [];
      walk(`${baseAbs}/${name}`, '', literal, leafy, found);
      for (const f of found) {
        const rel = `${base}/${name}/${f.rel}`;
        out.add(rel);
        if (!f.viaLink) known.set(rel, { real: `${realBase}/${name}/${f.rel}`, stamp: f.stamp }); // no spread: 5,000
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
export function namedUnder(top: string, name: string, leafy: boolean): Found[] {
  const out: Found[] = [];
  walk(top, '', name, leafy, out);
  return out;
}

interface Found {
  rel: string;
  viaLink: boolean;
  stamp?: Stamp | undefined;
}

/** What a listing proved about a file: its real path, and (when it was lstat'ed) its identity. */
export interface Known {
  real: string;
  stamp?: Stamp | undefined;
}

/**
 * A file's identity as git's index records it for the work tree: inode, size, mtime and ctime. Any write, rename
 * over it or chmod changes ctime (which no user call can set back), so an equal stamp means the same bytes —
 * unless the file changed within the filesystem's timestamp granularity of being stamped (see doc-cache.ts,
 * which keeps no such "racy" entry).
 */
export interface Stamp {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

// four numbers, compared as numbers: a string id cost two double-to-text conversions per file (issue 20)
const stampOf = (st: Stamp): Stamp => ({ ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });

const ABSENT = { throwIfNoEntry: false } as const;

// module-level, not closures made per directory listed: thousands of directories, each a few calls
function walk(dir: string, prefix: string, name: string, leafy: boolean, out: Found[]): void {
  if (leafy && statSync(dir, ABSENT)?.nlink === 2) {
    // a directory with no subdirectory: the one name it could hold is looked up, not listed (2 system calls, not 5)
    const st = lstatSync(`${dir}/${name}`, ABSENT);
    if (st?.isFile()) out.push({ rel: `${prefix}${name}`, viaLink: false, stamp: stampOf(st) });
    else if (st) hit(st, dir, prefix, name, out);
    return;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of entries) {
    if (d.isDirectory()) walk(`${dir}/${d.name}`, `${prefix}${d.name}/`, name, leafy, out);
    else if (d.name === name) hit(d, dir, prefix, name, out);
  }
}

/** The file itself, or a symlink to a file (its target is resolved and checked when read). */
function hit(
  t: { isFile(): boolean; isSymbolicLink(): boolean },
  dir: string,
  prefix: string,
  name: string,
  out: Found[],
): void {
  if (t.isFile()) {
    // listed, not looked up (a directory with subdirectories, or a filesystem whose link counts prove nothing:
    // btrfs, overlayfs): one lstat more for the stamp, without which the doc cache and the check memo keep nothing
    const st = lstatSync(`${dir}/${name}`, ABSENT);
    out.push({ rel: `${prefix}${name}`, viaLink: false, stamp: st?.isFile() ? stampOf(st) : undefined });
  } else if (t.isSymbolicLink() && statSync(`${dir}/${name}`, ABSENT)?.isFile() === true)
    out.push({ rel: `${prefix}${name}`, viaLink: true });
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
