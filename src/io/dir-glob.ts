/**
 * `<literal dir>/<one segment>` globs (`.claude/commands/*.md`, `.github/workflows/*.{yml,yaml}`, `{docs}/lab/*.md`)
 * answered with one directory listing. Phase 00 alone asks five; through tinyglobby each compiled its matcher and
 * crawled from the pattern's base (~40 ms of a checkpoint, issue 20). What the workspace's glob options mean there,
 * measured against tinyglobby (tests/integration/dir-glob.test.ts): regular files only — a symlink in the listed
 * directory is never a match (followSymbolicLinks: false), a symlinked directory on the way is listed through (the
 * caller refuses a match outside the workspace); dot files match (dot: true). Anything else — `**`, extglobs, classes,
 * nested braces, `..`, an ignored directory — is not answered here (undefined), and the caller globs as before.
 */
import { readdirSync } from 'node:fs';

const IGNORED = new Set(['.git', '.lynx', 'node_modules']);

/** The sorted matches of every pattern, or undefined when a pattern is not `<literal dir>/<simple segment>`. */
export function dirGlob(root: string, patterns: readonly string[]): string[] | undefined {
  const plans: { dir: string; re: RegExp }[] = [];
  for (const p of patterns) {
    const plan = planOf(p);
    if (!plan) return undefined;
    plans.push(plan);
  }
  const out = new Set<string>();
  for (const { dir, re } of plans) {
    let entries;
    try {
      entries = readdirSync(dir === '' ? root : `${root}/${dir}`, { withFileTypes: true });
    } catch {
      continue; // missing, or not a directory: no match, as the glob says
    }
    for (const d of entries) if (d.isFile() && re.test(d.name)) out.add(dir === '' ? d.name : `${dir}/${d.name}`);
  }
  return [...out].sort();
}

function planOf(pattern: string): { dir: string; re: RegExp } | undefined {
  const cut = pattern.lastIndexOf('/');
  const dir = cut < 0 ? '' : pattern.slice(0, cut);
  const seg = pattern.slice(cut + 1);
  if (seg === '' || !/[*?{]/.test(seg) || /[[\]()!+@\\]/.test(seg)) return undefined;
  const parts = dir === '' ? [] : dir.split('/');
  if (parts.some((d) => d === '' || d === '.' || d === '..' || IGNORED.has(d) || /[*?{}[\]()!+@\\]/.test(d)))
    return undefined;
  const re = segmentRegExp(seg);
  return re ? { dir, re } : undefined;
}

const escape = (s: string): string => s.replace(/[.+^$()|\\]/g, '\\$&');
const wild = (s: string): string => escape(s).replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');

/** `*`, `?` and one level of `{a,b}` with plain alternatives; undefined for anything more. */
function segmentRegExp(seg: string): RegExp | undefined {
  let src = '';
  for (let i = 0; i < seg.length;) {
    const open = seg.indexOf('{', i);
    if (open < 0) {
      if (seg.indexOf('}', i) >= 0) return undefined;
      src += wild(seg.slice(i));
      break;
    }
    const close = seg.indexOf('}', open);
    const alts = close < 0 ? undefined : seg.slice(open + 1, close).split(',');
    if (!alts || alts.length < 2 || alts.some((a) => a === '' || a.includes('{')) || seg.slice(i, open).includes('}'))
      return undefined;
    src += `${wild(seg.slice(i, open))}(?:${alts.map(wild).join('|')})`;
    i = close + 1;
  }
  return new RegExp(`^${src}$`);
}
