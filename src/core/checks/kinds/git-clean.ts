/** git-clean: nothing uncommitted but lynx's own state. */
import { fail, pass, type KindDef } from '../types.js';
import { needsWord } from './shared.js';

export const gitClean: KindDef<'git-clean'> = {
  title: () => 'tree committed',
  phrase: (c) => `everything committed${needsWord(c.needs)}`,
  paths: () => [],
  validate: () => [],
  async evaluate(_c, ctx) {
    const dirty = await ctx.git.dirty();
    if (dirty.length === 0) return pass('the working tree is clean');
    return fail(
      `${dirty.length} uncommitted path(s): ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}`,
      { expected: 'a committed tree', actual: `${dirty.length} dirty`, evidence: dirty.slice(0, 50) },
    );
  },
  fixture(_c, w, want) {
    if (want === 'fail') w.dirty('scratch.txt');
  },
};
