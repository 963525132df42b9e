/**
 * Finding the learner's equivalent of a break's target (pure). The edit is tried, in order:
 * exactly at the target's path; at its alternatives (the page's path where the labs name another);
 * tolerantly at those paths; then across the workspace's tracked source files, exactly and then
 * tolerantly. The first tier with exactly one matching place wins; a tier with several is a
 * refusal (never a guess). Anything but an exact match at the listed path needs the learner's
 * confirmation before lynx writes.
 */
import { applyEdits, type MatchHow } from './edit.js';

export interface FileEdits {
  path: string;
  alternatives: string[];
  edits: { find: string; replace: string }[];
}
export type Where = 'listed' | 'alternative' | 'elsewhere';

export interface Located {
  /** The file lynx would edit. */
  path: string;
  /** The break's own target path it stands in for. */
  listed: string;
  where: Where;
  how: MatchHow;
  mutant: string;
  matches: { line: number; how: MatchHow }[];
  /** Exact at the listed path needs no confirmation; everything else does. */
  confirm: boolean;
}

export type LocateResult =
  | { ok: true; located: Located }
  | { ok: false; reason: 'ambiguous'; candidates: { path: string; line: number; how: MatchHow }[] }
  | { ok: false; reason: 'none'; alreadyMutant: string[] };

/** Tracked files worth searching: source and config text, not data or lynx's own records. */
const SOURCE =
  /\.(py|pyi|sh|bash|ya?ml|toml|cfg|ini|json|js|mjs|ts|c|h|cc|cpp|cu|cuh|rs|go|md|txt)$|(^|\/)(Justfile|justfile|Makefile)$/;
export const isSearchable = (rel: string): boolean =>
  SOURCE.test(rel) && !rel.startsWith('.lynx/') && !/(^|\/)(learners|node_modules|\.venv)\//.test(rel);

type Hit = { path: string; out: Extract<ReturnType<typeof applyEdits>, { ok: true }> };

function tryAt(
  paths: readonly string[],
  read: (rel: string) => string | undefined,
  edits: FileEdits['edits'],
  how: MatchHow,
): Hit[] {
  const hits: Hit[] = [];
  for (const p of paths) {
    const text = read(p);
    if (text === undefined) continue;
    const out = applyEdits(text, edits);
    if (out.ok && out.matches.every((m) => (how === 'exact' ? m.how === 'exact' : true))) hits.push({ path: p, out });
    // an ambiguous match in one file is several places: it counts as more than one hit
    else if (!out.ok && out.match.reason === 'ambiguous' && (how === 'tolerant' || out.match.how === 'exact')) {
      const m = out.match;
      hits.push(
        ...m.candidates.map((c) => ({
          path: p,
          out: { ok: true as const, text: '', matches: [{ line: c.line, how: m.how }] },
        })),
      );
    }
  }
  return hits;
}

export function locate(
  fe: FileEdits,
  read: (rel: string) => string | undefined,
  tracked: readonly string[],
): LocateResult {
  const own = [fe.path, ...fe.alternatives];
  const others = tracked.filter((t) => !own.includes(t) && isSearchable(t));
  const tiers: { paths: string[]; how: MatchHow }[] = [
    { paths: [fe.path], how: 'exact' },
    { paths: fe.alternatives, how: 'exact' },
    { paths: own, how: 'tolerant' },
    { paths: others, how: 'exact' },
    { paths: others, how: 'tolerant' },
  ];
  for (const tier of tiers) {
    const hits = tryAt(tier.paths, read, fe.edits, tier.how);
    if (hits.length === 0) continue;
    if (hits.length > 1) {
      return {
        ok: false,
        reason: 'ambiguous',
        candidates: hits.map((h) => ({ path: h.path, line: h.out.matches[0]?.line ?? 0, how: tier.how })),
      };
    }
    const h = hits[0] as Hit;
    const how: MatchHow = h.out.matches.every((m) => m.how === 'exact') ? 'exact' : 'tolerant';
    const where: Where = h.path === fe.path ? 'listed' : fe.alternatives.includes(h.path) ? 'alternative' : 'elsewhere';
    return {
      ok: true,
      located: {
        path: h.path,
        listed: fe.path,
        where,
        how,
        mutant: h.out.text,
        matches: h.out.matches,
        confirm: !(where === 'listed' && how === 'exact'),
      },
    };
  }
  const alreadyMutant = own.filter((p) => {
    const t = read(p);
    return t !== undefined && fe.edits.some((e) => e.replace.trim() !== '' && t.includes(e.replace));
  });
  return { ok: false, reason: 'none', alreadyMutant };
}
