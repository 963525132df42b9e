/** written: a file in the learner's words — exists, ≥ N words, not the untouched template, mentions. */
import { fail, pass, type KindDef } from '../types.js';
import { wordCount } from '../../markdown-tasks.js';
import { code, committedWord, needsWord, notCommitted, readForCheck } from './shared.js';

export const written: KindDef<'written'> = {
  title: (c, x) => `written ${x(c.path)}${c.min_words ? ` (≥ ${c.min_words} words)` : ''}`,
  phrase(c, p) {
    const words = c.min_words !== undefined ? `, ≥ ${c.min_words} words` : '';
    const max = c.max_words !== undefined ? `, ≤ ${c.max_words} words` : '';
    const contains = c.contains?.length ? `, mentions ${c.contains.map((s) => `"${s}"`).join(', ')}` : '';
    return (
      `${code(p.expand(c.path))} written${words}${max}${contains}${committedWord(c.committed)}` +
      `${needsWord(c.needs)}`
    );
  },
  paths: (c) => [
    [c.path, '/path'],
    ...(c.template !== undefined ? [[c.template, '/template'] as [string, string]] : []),
  ],
  validate: (c) =>
    c.min_words !== undefined && c.max_words !== undefined && c.max_words < c.min_words
      ? [['/max_words', `max_words ${c.max_words} is below min_words ${c.min_words}`]]
      : [],
  async evaluate(c, ctx) {
    const path = ctx.expand(c.path);
    const text = readForCheck(ctx, path);
    if (text === undefined)
      return fail(`missing: ${path}`, { expected: `${path} written`, actual: 'missing', evidence: [path] });
    if (c.template !== undefined) {
      const tpl = ctx.fs.read(ctx.expand(c.template));
      const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
      if (tpl !== undefined && norm(tpl) === norm(text))
        return fail(`${path} is the untouched template`, { evidence: [path] });
    }
    const words = wordCount(text);
    if (c.min_words !== undefined && words < c.min_words)
      return fail(`${path} has ${words} words; needs ≥ ${c.min_words}`, {
        expected: `≥ ${c.min_words} words`,
        actual: `${words} words`,
        evidence: [path],
      });
    if (c.max_words !== undefined && words > c.max_words)
      return fail(`${path} has ${words} words; at most ${c.max_words}`, {
        expected: `≤ ${c.max_words} words`,
        actual: `${words} words`,
        evidence: [path],
      });
    const missing = (c.contains ?? []).filter((s) => !text.toLowerCase().includes(s.toLowerCase()));
    if (missing.length > 0)
      return fail(`${path} lacks: ${missing.map((m) => `"${m}"`).join(', ')}`, {
        expected: `mentions ${(c.contains ?? []).join(', ')}`,
        evidence: [path],
      });
    if ((c.committed ?? true) && (await notCommitted([path], ctx)).length > 0)
      return fail(`not committed: ${path}`, { evidence: [path] });
    return pass(`${path}: ${words} words`, { actual: `${words} words`, evidence: [path] });
  },
  fixture(c, w, want) {
    const path = w.expand(c.path);
    if (want === 'fail') return w.remove(path);
    const filler = Array.from({ length: c.min_words ?? 1 }, (_, i) => `word${i}`).join(' ');
    w.write(path, `${(c.contains ?? []).join('\n')}\n${filler}\n`, { append: true });
  },
};
