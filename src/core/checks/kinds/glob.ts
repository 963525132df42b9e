/** glob: at least N (committed) files match a pattern. */
import { fail, pass, type KindDef } from '../types.js';
import { code, committedWord, needsWord, notCommitted, placeholder } from './shared.js';

export const glob: KindDef<'glob'> = {
  title: (c, x) => `files ${x(c.pattern)}`,
  phrase: (c, p) =>
    `≥ ${c.min ?? 1} file(s) match ${code(p.expand(c.pattern))}${committedWord(c.committed)}${needsWord(c.needs)}`,
  paths: (c) => [[c.pattern, '/pattern']],
  validate: (c) => ((c.min ?? 1) < 1 ? [['/min', 'a glob with min 0 cannot fail']] : []),
  async evaluate(c, ctx) {
    const pattern = ctx.expand(c.pattern);
    const min = c.min ?? 1;
    const found = ctx.fs.glob(pattern);
    const uncommitted = (c.committed ?? true) ? await notCommitted(found, ctx) : [];
    const good = found.filter((f) => !uncommitted.includes(f));
    const expected = `≥ ${min} ${(c.committed ?? true) ? 'committed ' : ''}match(es) of ${pattern}`;
    if (good.length >= min)
      return pass(`${good.length} match(es) of ${pattern}`, {
        expected,
        actual: String(good.length),
        evidence: good.slice(0, 20),
      });
    const why =
      uncommitted.length > 0 ? ` (${uncommitted.length} not committed: ${uncommitted.slice(0, 5).join(', ')})` : '';
    return fail(`${good.length} of ${min} required match(es) of ${pattern}${why}`, {
      expected,
      actual: String(good.length),
      evidence: found.slice(0, 20),
    });
  },
  fixture(c, w, want) {
    const pattern = w.expand(c.pattern);
    if (want === 'fail') return;
    for (let i = 0; i < (c.min ?? 1); i++) {
      const p = w.witness(pattern, i);
      if (w.read(p) === undefined) w.write(p, placeholder(p));
    }
  },
};
