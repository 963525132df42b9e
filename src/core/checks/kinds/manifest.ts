/** Kinds about run provenance: manifest (schema + git_dirty + git_sha in history + metrics), json. */
import { fail, pass, type CheckContext, type KindImpl, type Outcome } from '../types.js';
import { evaluate, parseAssertion } from '../../assertions.js';
import { manifestProblems } from '../../manifest.js';
import { parseJsonText } from '../../json.js';

/** A missing file is the learner's work not being there (fail); a corrupt one is bad input (exit 2). */
function parse(ctx: CheckContext, path: string): { doc?: unknown; error?: string } {
  const text = ctx.fs.read(path);
  if (text === undefined) return { error: `missing: ${path}` };
  return { doc: parseJsonText(text, path) };
}

function assertAll(list: readonly string[] | undefined, doc: unknown, path: string): { failed: string[]; passed: string[] } {
  const failed: string[] = [];
  const passed: string[] = [];
  for (const text of list ?? []) {
    const r = evaluate(parseAssertion(text), doc);
    (r.ok ? passed : failed).push(`${path}: ${r.message}`);
  }
  return { failed, passed };
}

/** Every way one manifest can fail the gate, in the order a person should fix them. */
export async function manifestIssues(ctx: CheckContext, path: string, asserts: readonly string[] | undefined): Promise<{ issues: string[]; notes: string[] }> {
  const { doc, error } = parse(ctx, path);
  if (error !== undefined) return { issues: [error], notes: [] };
  const issues = manifestProblems(doc).map((p) => `${path}: ${p}`);
  if (issues.length > 0) return { issues, notes: [] };
  const m = doc as { git_sha: string; git_dirty: boolean; seed: unknown };
  if (m.git_dirty) issues.push(`${path}: git_dirty is true — the run came from uncommitted code; commit, re-run, and commit the new manifest`);
  // issue 13: the reason (shallow clone, squash/rebase merge) and its fix, not just "not in history"
  if (!(await ctx.git.inHistory(m.git_sha))) issues.push(`${path}: git_sha ${await ctx.git.whyNotInHistory(m.git_sha)}`);
  if (!(await ctx.git.committed(path))) issues.push(`${path}: not committed`);
  const a = assertAll(asserts, doc, path);
  issues.push(...a.failed);
  return { issues, notes: [`${path} @ ${m.git_sha.slice(0, 12)} seed ${JSON.stringify(m.seed)}`, ...a.passed] };
}

export const manifest: KindImpl<'manifest'> = async (c, ctx) => {
  const pattern = ctx.expand(c.path);
  const paths = /[*?{[]/.test(pattern) ? ctx.fs.glob(pattern) : ctx.fs.info(pattern).exists ? [pattern] : [];
  const min = c.min ?? 1;
  if (paths.length < min) return fail(`${paths.length} manifest(s) match ${pattern}; need ≥ ${min}`, { expected: `≥ ${min} manifest(s)`, actual: String(paths.length) });
  const issues: string[] = [];
  const notes: string[] = [];
  for (const p of paths) {
    const r = await manifestIssues(ctx, p, c.assert);
    issues.push(...r.issues);
    notes.push(...r.notes);
  }
  const out: Outcome = issues.length > 0
    ? fail(issues[0] ?? 'manifest problems', { evidence: [...issues, ...notes].slice(0, 20), expected: 'clean, committed manifests from this history', actual: `${issues.length} problem(s)` })
    : pass(`${paths.length} manifest(s) clean${c.assert?.length ? `; ${c.assert.join(', ')}` : ''}`, { evidence: notes.slice(0, 20) });
  return out;
};

export const json: KindImpl<'json'> = async (c, ctx) => {
  const path = ctx.expand(c.path);
  const { doc, error } = parse(ctx, path);
  if (error !== undefined) return fail(error, { evidence: [path] });
  const a = assertAll(c.assert, doc, path);
  if (a.failed.length > 0) return fail(a.failed[0] ?? '', { evidence: [...a.failed, ...a.passed] });
  if ((c.committed ?? true) && !(await ctx.git.committed(path))) return fail(`not committed: ${path}`, { evidence: [path] });
  return pass(`${path}${c.assert?.length ? `: ${c.assert.join(', ')}` : ''}`, { evidence: [path, ...a.passed] });
};
