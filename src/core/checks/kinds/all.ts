/** all: every part passes. */
import type { KindDef } from '../types.js';
import { partPaths, partProblems, parts, summarize } from './compose.js';

export const all: KindDef<'all'> = {
  title: (c) => `all of ${c.of.length}`,
  phrase: (c, p, e) => `all of: ${c.of.map((x) => e.phrase(x, p)).join('; ')}`,
  paths: (c, e) => partPaths(c.of, e),
  validate: (c, e) => partProblems(c.of, e),
  evaluate: async (c, ctx, e) => summarize('all', await parts(c.of, ctx, e, false)),
  // pass: every part satisfied; fail: every part satisfied but the first, which is violated last
  fixture(c, w, want, e) {
    c.of.forEach((x, i) => {
      if (want === 'pass' || i > 0) e.fixture(x, w, 'pass');
    });
    const first = c.of[0];
    if (want === 'fail' && first) e.fixture(first, w, 'fail');
  },
};
