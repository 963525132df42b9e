/**
 * The gate's ritual check over every experiment manifest of the phase (gate:manifests): provenance of each, against
 * one git snapshot, and — in `lynx checkpoint` only — the memo that answers for the same manifests unchanged.
 */
import type { CheckContext, CheckResult, GitFacts } from './checks/types.js';
import { manifestVerdict, readManifest, verdictOf } from './checks/kinds/manifest.js';
import { nn } from './ids.js';

/** The phase's own experiment manifests, in both of the text's directory conventions (DIGEST §11.11). */
export function phaseManifestGlobs(phase: number): string[] {
  const n = nn(phase);
  return [
    `experiments/${n}-*/**/manifest.json`,
    `experiments/*-${n}-*/**/manifest.json`,
    `experiments/*-phase-${n}-*/**/manifest.json`,
  ];
}

export async function manifestsCheck(ctx: CheckContext): Promise<CheckResult> {
  const base = {
    id: 'gate:manifests',
    kind: 'manifest',
    title: `every phase-${nn(ctx.phase.id)} experiment manifest is clean`,
  };
  const paths = ctx.fs.glob(phaseManifestGlobs(ctx.phase.id));
  if (paths.length === 0) return { ...base, status: 'pass', message: 'no experiment manifests for this phase' };
  // the checkpoint's memo: the same manifests, unchanged, against the same commits give the same verdict
  const seen = ctx.fs.memo?.get(base.id, paths);
  let facts = seen ? await ctx.git.facts() : undefined;
  const key = facts && gitKey(facts, paths);
  const remembered = seen && seen.git === key ? asResult(seen.value, base.id) : undefined;
  if (remembered) return remembered;
  // every manifest read and parsed first (no await between them): git's snapshot is taken meanwhile
  const read = paths.map((p) => readManifest(ctx, p));
  facts ??= await ctx.git.facts();
  const issues: string[] = [];
  let asked = false;
  for (const [i, p] of paths.entries()) {
    const r = read[i] ?? { issues: [] };
    const v = verdictOf(facts, p, undefined, r);
    // only a sha git does not know needs an await (its explanation asks git why)
    asked ||= v.unknownSha !== undefined;
    issues.push(...(v.unknownSha ? await manifestVerdict(ctx, p, undefined, r, facts) : v).issues);
  }
  const result = manifestsResult(base, paths, issues);
  // an explanation asked of git (a shallow clone, a squash merge) may change with no commit: never remembered
  const stored = key ?? gitKey(facts, paths);
  if (!asked && stored !== undefined) ctx.fs.memo?.put(base.id, paths, stored, result);
  return result;
}

/** The git facts the verdict used: HEAD's history, and which manifests are committed. */
function gitKey(facts: GitFacts, paths: readonly string[]): string | undefined {
  if (facts.revision === undefined) return undefined;
  let bits = '';
  for (const p of paths) bits += facts.committed(p) ? '1' : '0';
  return `${facts.revision}:${bits}`;
}

/** A remembered result, if it still has the shape of one (a cache is checked, never trusted). */
function asResult(v: unknown, id: string): CheckResult | undefined {
  const r = v as Partial<CheckResult> | null;
  return r !== null &&
    typeof r === 'object' &&
    r.id === id &&
    (r.status === 'pass' || r.status === 'fail') &&
    typeof r.message === 'string'
    ? (r as CheckResult)
    : undefined;
}

function manifestsResult(
  base: { id: string; kind: string; title: string },
  paths: string[],
  issues: string[],
): CheckResult {
  if (issues.length > 0)
    return {
      ...base,
      status: 'fail',
      message: issues[0] ?? '',
      evidence: issues.slice(0, 30),
      expected: 'git_dirty false, git_sha in history, committed',
      actual: `${issues.length} problem(s) in ${paths.length} manifest(s)`,
    };
  return { ...base, status: 'pass', message: `${paths.length} manifest(s) clean`, evidence: paths.slice(0, 30) };
}
