/** any: at least one alternative passes. */
import type { KindDef } from '../types.js';
import { partPaths, partProblems, parts, summarize } from './compose.js';

export const any: KindDef<'any'> = {
  title: (c) => `any of ${c.of.length}`,
  phrase: (c, p, e) => `any of: ${c.of.map((x) => e.phrase(x, p)).join('; or ')}`,
  paths: (c, e) => partPaths(c.of, e),
  validate: (c, e) => partProblems(c.of, e),
  evaluate: async (c, ctx, e) => summarize('any', await parts(c.of, ctx, e, true)),
  // pass: the first alternative satisfied; fail: every alternative violated
  fixture(c, w, want, e) {
    if (want === 'pass') {
      const first = c.of[0];
      if (first) e.fixture(first, w, 'pass');
      return;
    }
    for (const x of c.of) e.fixture(x, w, 'fail');
  },
};
