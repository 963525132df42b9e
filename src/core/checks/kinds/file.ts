/** file: exists, non-empty, committed. */
import { fail, pass, type KindDef } from '../types.js';
import { code, committedWord, needsWord, notCommitted, placeholder } from './shared.js';

export const file: KindDef<'file'> = {
  title: (c, x) => `file ${x(c.path)}`,
  phrase: (c, p) =>
    `${code(p.expand(c.path))} exists${(c.nonempty ?? true) ? ', non-empty' : ''}${committedWord(c.committed)}` +
    `${needsWord(c.needs)}`,
  paths: (c) => [[c.path, '/path']],
  validate: () => [],
  async evaluate(c, ctx) {
    const path = ctx.expand(c.path);
    const info = ctx.fs.info(path);
    if (!info.exists)
      return fail(`missing: ${path}`, { expected: `${path} exists`, actual: 'missing', evidence: [path] });
    if (!info.isFile) return fail(`${path} is not a file`, { evidence: [path] });
    if ((c.nonempty ?? true) && info.size === 0)
      return fail(`empty: ${path}`, { expected: 'non-empty', actual: '0 bytes', evidence: [path] });
    if ((c.committed ?? true) && (await notCommitted([path], ctx)).length > 0)
      return fail(`not committed: ${path} (commit it)`, {
        expected: 'committed',
        actual: 'uncommitted changes or untracked',
        evidence: [path],
      });
    return pass(`${path} (${info.size} bytes${(c.committed ?? true) ? ', committed' : ''})`, { evidence: [path] });
  },
  fixture(c, w, want) {
    const path = w.expand(c.path);
    if (want === 'fail') return w.remove(path);
    if (w.read(path) === undefined) w.write(path, placeholder(path));
  },
};
