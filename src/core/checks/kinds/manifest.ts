/** manifest: valid run provenance — schema, git_dirty false, git_sha in history, committed, metrics. */
import { fail, pass, type CheckContext, type GitFacts, type KindDef, type Outcome } from '../types.js';
import { manifestProblems } from '../../manifest.js';
import { assertAll, assertionProblems, parseDoc, writeDoc } from './doc.js';
import { code, filesOf, isGlob, needsWord } from './shared.js';

/** Every way one manifest can fail the gate, in the order a person should fix them. */
export async function manifestIssues(
  ctx: CheckContext,
  path: string,
  asserts: readonly string[] | undefined,
): Promise<{ issues: string[]; notes: string[] }> {
  return manifestVerdict(ctx, path, asserts, readManifest(ctx, path));
}

/** A manifest read, parsed and schema-checked: the part that needs no git (the gate does it for every manifest while
 * git's snapshot is still being taken). A corrupt one throws InputError, as before. */
export function readManifest(ctx: CheckContext, path: string): { doc?: unknown; issues: string[] } {
  const { doc, error } = parseDoc(ctx, path);
  if (error !== undefined) return { issues: [error] };
  return { doc, issues: manifestProblems(doc).map((p) => `${path}: ${p}`) };
}

/** The rest of manifestIssues, after readManifest: provenance against the git snapshot, then the assertions. */
export async function manifestVerdict(
  ctx: CheckContext,
  path: string,
  asserts: readonly string[] | undefined,
  read: { doc?: unknown; issues: string[] },
  facts?: GitFacts,
): Promise<{ issues: string[]; notes: string[] }> {
  const v = verdictOf(facts ?? (await ctx.git.facts()), path, asserts, read);
  if (v.unknownSha === undefined) return v;
  // issue 13: the reason (shallow clone, squash/rebase merge) and its fix, not just "not in history"
  const issues = [...v.issues];
  issues.splice(v.unknownSha.at, 0, `${path}: git_sha ${await ctx.git.whyNotInHistory(v.unknownSha.sha)}`);
  return { issues, notes: v.notes };
}

/**
 * manifestVerdict as a plain call over git's answers: a gate over 5,000 manifests asks git nothing per manifest.
 * A git_sha not in history is returned (`unknownSha`, and where its issue goes) for manifestVerdict to explain.
 */
export function verdictOf(
  f: GitFacts,
  path: string,
  asserts: readonly string[] | undefined,
  read: { doc?: unknown; issues: string[] },
): { issues: string[]; notes: string[]; unknownSha?: { sha: string; at: number } } {
  const { doc } = read;
  if (read.issues.length > 0) return { issues: read.issues, notes: [] };
  const issues: string[] = [];
  const m = doc as { git_sha: string; git_dirty: boolean; seed: unknown };
  if (m.git_dirty)
    issues.push(
      `${path}: git_dirty is true — the run came from uncommitted code; commit, re-run, and commit the new manifest`,
    );
  const unknownSha = f.inHistory(m.git_sha) ? undefined : { sha: m.git_sha, at: issues.length };
  if (!f.committed(path)) issues.push(`${path}: not committed`);
  const a = assertAll(asserts, doc, path);
  issues.push(...a.failed);
  const notes = [`${path} @ ${m.git_sha.slice(0, 12)} seed ${JSON.stringify(m.seed)}`, ...a.passed];
  return unknownSha ? { issues, notes, unknownSha } : { issues, notes };
}

/** The self-test's HEAD: a manifest's git_sha must name it. */
export const FIXTURE_SHA = '5e1f7e57'.padEnd(40, '0');

export const manifest: KindDef<'manifest'> = {
  title: (c, x) => `manifest ${x(c.path)}${c.assert?.length ? ` (${c.assert.join(', ')})` : ''}`,
  phrase: (c, p) =>
    `manifest ${code(p.expand(c.path))}${(c.min ?? 1) > 1 ? ` (≥ ${c.min ?? 1})` : ''}: valid, git_dirty false, ` +
    `git_sha an ancestor of HEAD${c.assert?.length ? `, ${c.assert.map(code).join(', ')}` : ''}` +
    `${needsWord(c.needs)}`,
  paths: (c) => [[c.path, '/path']],
  validate: (c) => assertionProblems(c.assert),
  async evaluate(c, ctx) {
    const pattern = ctx.expand(c.path);
    const paths = filesOf(ctx, pattern);
    const min = c.min ?? 1;
    if (paths.length < min)
      return fail(`${paths.length} manifest(s) match ${pattern}; need ≥ ${min}`, {
        expected: `≥ ${min} manifest(s)`,
        actual: String(paths.length),
      });
    const issues: string[] = [];
    const notes: string[] = [];
    for (const p of paths) {
      const r = await manifestIssues(ctx, p, c.assert);
      issues.push(...r.issues);
      notes.push(...r.notes);
    }
    const out: Outcome =
      issues.length > 0
        ? fail(issues[0] ?? 'manifest problems', {
            evidence: [...issues, ...notes].slice(0, 20),
            expected: 'clean, committed manifests from this history',
            actual: `${issues.length} problem(s)`,
          })
        : pass(`${paths.length} manifest(s) clean${c.assert?.length ? `; ${c.assert.join(', ')}` : ''}`, {
            evidence: notes.slice(0, 20),
          });
    return out;
  },
  fixture(c, w, want) {
    const pattern = w.expand(c.path);
    const n = isGlob(pattern) ? Math.max(1, c.min ?? 1) : 1;
    for (let i = 0; i < n; i++) {
      const path = isGlob(pattern) ? w.witness(pattern, i) : pattern;
      if (want === 'fail' && !c.assert?.length) {
        w.remove(path);
        continue;
      }
      writeDoc(
        w,
        path,
        { git_sha: FIXTURE_SHA, git_dirty: false, seed: 0, versions: { python: '3.11' } },
        c.assert,
        want === 'fail',
      );
    }
  },
};
