/** git-order: A was first committed before B (predictions before the run, plan before the code). */
import { fail, pass, type KindDef } from '../types.js';
import { code, needsWord, placeholder } from './shared.js';

export const gitOrder: KindDef<'git-order'> = {
  title: (c, x) => `${x(c.first)} before ${x(c.then)}`,
  phrase: (c, p) => `${code(p.expand(c.first))} committed before ${code(p.expand(c.then))}${needsWord(c.needs)}`,
  paths: (c) => [
    [c.first, '/first'],
    [c.then, '/then'],
  ],
  validate: (c) => (c.first === c.then ? [['/then', 'a file cannot be committed before itself']] : []),
  async evaluate(c, ctx) {
    const first = ctx.expand(c.first);
    const then = ctx.expand(c.then);
    const a = await ctx.git.firstCommit(first);
    const b = await ctx.git.firstCommit(then);
    if (!a) return fail(`${first} has never been committed`, { expected: `${first} committed before ${then}` });
    if (!b) return fail(`${then} has never been committed`, { expected: `${first} committed before ${then}` });
    if (a.sha === b.sha || !(await ctx.git.isAncestor(a.sha, b.sha)))
      return fail(`${then} (${b.sha.slice(0, 8)}) was not committed after ${first} (${a.sha.slice(0, 8)})`, {
        expected: `${first} first`,
        evidence: [`${first}@${a.sha.slice(0, 12)}`, `${then}@${b.sha.slice(0, 12)}`],
      });
    return pass(`${first} (${a.sha.slice(0, 8)}) committed before ${then} (${b.sha.slice(0, 8)})`, {
      evidence: [`${first}@${a.sha.slice(0, 12)}`, `${then}@${b.sha.slice(0, 12)}`],
    });
  },
  fixture(c, w, want) {
    const [a, b] = want === 'pass' ? [c.first, c.then] : [c.then, c.first];
    for (const p of [a, b]) {
      const x = w.expand(p);
      if (w.read(x) === undefined) w.write(x, placeholder(x));
      w.commitOrder(x);
    }
  },
};
