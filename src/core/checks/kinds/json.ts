/** json: a JSON file, committed, with optional assertions on its values. */
import { fail, pass, type KindDef } from '../types.js';
import { assertAll, assertionProblems, parseDoc, writeDoc } from './doc.js';
import { code, committedWord, needsWord } from './shared.js';

export const json: KindDef<'json'> = {
  title: (c, x) => `json ${x(c.path)}`,
  phrase: (c, p) =>
    `${code(p.expand(c.path))}${c.assert?.length ? `: ${c.assert.map(code).join(', ')}` : ' is valid JSON'}` +
    `${committedWord(c.committed)}${needsWord(c.needs)}`,
  paths: (c) => [[c.path, '/path']],
  validate: (c) => assertionProblems(c.assert),
  async evaluate(c, ctx) {
    const path = ctx.expand(c.path);
    const { doc, error } = parseDoc(ctx, path);
    if (error !== undefined) return fail(error, { evidence: [path] });
    const a = assertAll(c.assert, doc, path);
    if (a.failed.length > 0) return fail(a.failed[0] ?? '', { evidence: [...a.failed, ...a.passed] });
    if ((c.committed ?? true) && !(await ctx.git.committed(path)))
      return fail(`not committed: ${path}`, { evidence: [path] });
    return pass(`${path}${c.assert?.length ? `: ${c.assert.join(', ')}` : ''}`, { evidence: [path, ...a.passed] });
  },
  fixture(c, w, want) {
    const path = w.expand(c.path);
    if (want === 'fail' && !c.assert?.length) return w.remove(path);
    writeDoc(w, path, {}, c.assert, want === 'fail');
  },
};
