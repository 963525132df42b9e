/**
 * verdictOf (a plain call over git's answers, issue 20) and manifestVerdict (which explains a sha git does not
 * know) give the issues in the order a person fixes them: dirty, unknown sha, not committed, failed assertions.
 */
import { describe, expect, it } from 'vitest';
import { manifestVerdict, verdictOf } from '../../src/core/checks/kinds/manifest.js';
import type { CheckContext, GitFacts } from '../../src/core/checks/types.js';

const SHA = 'abc1234'.padEnd(40, '0');
const facts = (inHistory: boolean, committed: boolean): GitFacts => ({
  inHistory: () => inHistory,
  committed: () => committed,
});
const ctxWith = (f: GitFacts): CheckContext =>
  ({
    git: {
      facts: () => Promise.resolve(f),
      whyNotInHistory: (s: string) => Promise.resolve(`${s.slice(0, 7)} is not in this history (a squash merge?)`),
    },
  }) as unknown as CheckContext;
const doc = (over: Record<string, unknown> = {}): { doc: unknown; issues: string[] } => ({
  doc: { git_sha: SHA, git_dirty: false, seed: 7, metrics: { acc: 0.5 }, ...over },
  issues: [],
});

describe('verdictOf', () => {
  it('a clean manifest: no issues, a note with the sha and seed', () => {
    const v = verdictOf(facts(true, true), 'm.json', undefined, doc());
    expect(v).toEqual({ issues: [], notes: ['m.json @ abc123400000 seed 7'] });
  });

  it('every problem at once, in order; the unknown sha is left for manifestVerdict to explain', async () => {
    const read = doc({ git_dirty: true });
    const v = verdictOf(facts(false, false), 'm.json', ['metrics.acc >= 0.9'], read);
    expect(v.unknownSha).toEqual({ sha: SHA, at: 1 });
    const full = await manifestVerdict(ctxWith(facts(false, false)), 'm.json', ['metrics.acc >= 0.9'], read);
    expect(full.issues.map((i) => i.split(':')[1]?.trim().split(' ')[0])).toEqual([
      'git_dirty',
      'git_sha',
      'not',
      'metrics.acc',
    ]);
    expect(full.issues[1]).toBe('m.json: git_sha abc1234 is not in this history (a squash merge?)');
  });

  it('schema problems stand alone: git is not asked', () => {
    const f: GitFacts = {
      inHistory: () => {
        throw new Error('asked');
      },
      committed: () => {
        throw new Error('asked');
      },
    };
    expect(verdictOf(f, 'm.json', undefined, { issues: ['m.json: seed is required'] }).issues).toEqual([
      'm.json: seed is required',
    ]);
  });
});
