/** Helpers several kinds share: globs, commit state, code spans, "committed" wording. */
import type { CheckContext, FixtureWorld } from '../types.js';
import { isReportPath, learnerPart } from '../../report-block.js';

export const isGlob = (p: string): boolean => /[*?{[]/.test(p);
export const code = (s: string): string => `\`${s}\``;
export const committedWord = (x: boolean | undefined): string => ((x ?? true) ? ', committed' : '');
export const needsWord = (needs: readonly string[] | undefined): string =>
  needs && needs.length > 0 ? ` (needs ${needs.join(', ')})` : '';

export async function notCommitted(paths: string[], ctx: CheckContext): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) if (!(await ctx.git.committed(p))) out.push(p);
  return out;
}

/** The files a path-or-glob names in the workspace. */
export function filesOf(ctx: CheckContext, path: string): string[] {
  return isGlob(path) ? ctx.fs.glob(path) : ctx.fs.info(path).exists ? [path] : [];
}

/** Where a fixture writes for a path-or-glob (the n-th distinct witness of a glob). */
export function target(w: FixtureWorld, path: string, n = 0): string {
  const p = w.expand(path);
  return isGlob(p) ? w.witness(p, n) : p;
}

/** What a check reads of a file: a report's learner part only (core/report-block.ts). */
export function readForCheck(ctx: CheckContext, path: string): string | undefined {
  const text = ctx.fs.read(path);
  return text !== undefined && isReportPath(path) ? learnerPart(text) : text;
}

/** Content a fixture puts in a file whose content does not matter: valid for its extension. */
export const placeholder = (path: string): string => (/\.jsonl?$/i.test(path) ? '{}\n' : 'written by the self-test\n');
