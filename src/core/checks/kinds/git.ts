/** Kinds about history: git-clean (nothing uncommitted but lynx's own state), git-order (A before B). */
import { fail, pass, type KindImpl } from '../types.js';

export const gitClean: KindImpl<'git-clean'> = async (_c, ctx) => {
  const dirty = await ctx.git.dirty();
  if (dirty.length === 0) return pass('the working tree is clean');
  return fail(`${dirty.length} uncommitted path(s): ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}`, { expected: 'a committed tree', actual: `${dirty.length} dirty`, evidence: dirty.slice(0, 50) });
};

export const gitOrder: KindImpl<'git-order'> = async (c, ctx) => {
  const first = ctx.expand(c.first);
  const then = ctx.expand(c.then);
  const a = await ctx.git.firstCommit(first);
  const b = await ctx.git.firstCommit(then);
  if (!a) return fail(`${first} has never been committed`, { expected: `${first} committed before ${then}` });
  if (!b) return fail(`${then} has never been committed`, { expected: `${first} committed before ${then}` });
  if (a.sha === b.sha || !(await ctx.git.isAncestor(a.sha, b.sha)))
    return fail(`${then} (${b.sha.slice(0, 8)}) was not committed after ${first} (${a.sha.slice(0, 8)})`, { expected: `${first} first`, evidence: [`${first}@${a.sha.slice(0, 12)}`, `${then}@${b.sha.slice(0, 12)}`] });
  return pass(`${first} (${a.sha.slice(0, 8)}) committed before ${then} (${b.sha.slice(0, 8)})`, { evidence: [`${first}@${a.sha.slice(0, 12)}`, `${then}@${b.sha.slice(0, 12)}`] });
};
