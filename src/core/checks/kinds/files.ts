/** Kinds about files in the tree: file, glob, written, grep, checklist. */
import { fail, pass, type CheckContext, type KindImpl, type Outcome } from '../types.js';
import { tasks, wordCount } from '../../markdown-tasks.js';

async function notCommitted(paths: string[], ctx: CheckContext): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) if (!(await ctx.git.committed(p))) out.push(p);
  return out;
}

export const file: KindImpl<'file'> = async (c, ctx) => {
  const path = ctx.expand(c.path);
  const info = ctx.fs.info(path);
  if (!info.exists) return fail(`missing: ${path}`, { expected: `${path} exists`, actual: 'missing', evidence: [path] });
  if (!info.isFile) return fail(`${path} is not a file`, { evidence: [path] });
  if ((c.nonempty ?? true) && info.size === 0) return fail(`empty: ${path}`, { expected: 'non-empty', actual: '0 bytes', evidence: [path] });
  if ((c.committed ?? true) && (await notCommitted([path], ctx)).length > 0)
    return fail(`not committed: ${path} (commit it)`, { expected: 'committed', actual: 'uncommitted changes or untracked', evidence: [path] });
  return pass(`${path} (${info.size} bytes${c.committed ?? true ? ', committed' : ''})`, { evidence: [path] });
};

export const glob: KindImpl<'glob'> = async (c, ctx) => {
  const pattern = ctx.expand(c.pattern);
  const min = c.min ?? 1;
  const found = ctx.fs.glob(pattern);
  const uncommitted = c.committed ?? true ? await notCommitted(found, ctx) : [];
  const good = found.filter((f) => !uncommitted.includes(f));
  const expected = `≥ ${min} ${c.committed ?? true ? 'committed ' : ''}match(es) of ${pattern}`;
  if (good.length >= min) return pass(`${good.length} match(es) of ${pattern}`, { expected, actual: String(good.length), evidence: good.slice(0, 20) });
  const why = uncommitted.length > 0 ? ` (${uncommitted.length} not committed: ${uncommitted.slice(0, 5).join(', ')})` : '';
  return fail(`${good.length} of ${min} required match(es) of ${pattern}${why}`, { expected, actual: String(good.length), evidence: found.slice(0, 20) });
};

export const written: KindImpl<'written'> = async (c, ctx) => {
  const path = ctx.expand(c.path);
  const text = ctx.fs.read(path);
  if (text === undefined) return fail(`missing: ${path}`, { expected: `${path} written`, actual: 'missing', evidence: [path] });
  if (c.template !== undefined) {
    const tpl = ctx.fs.read(ctx.expand(c.template));
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    if (tpl !== undefined && norm(tpl) === norm(text)) return fail(`${path} is the untouched template`, { evidence: [path] });
  }
  const words = wordCount(text);
  if (c.min_words !== undefined && words < c.min_words) return fail(`${path} has ${words} words; needs ≥ ${c.min_words}`, { expected: `≥ ${c.min_words} words`, actual: `${words} words`, evidence: [path] });
  if (c.max_words !== undefined && words > c.max_words) return fail(`${path} has ${words} words; at most ${c.max_words}`, { expected: `≤ ${c.max_words} words`, actual: `${words} words`, evidence: [path] });
  const missing = (c.contains ?? []).filter((s) => !text.toLowerCase().includes(s.toLowerCase()));
  if (missing.length > 0) return fail(`${path} lacks: ${missing.map((m) => `"${m}"`).join(', ')}`, { expected: `mentions ${(c.contains ?? []).join(', ')}`, evidence: [path] });
  if ((c.committed ?? true) && (await notCommitted([path], ctx)).length > 0) return fail(`not committed: ${path}`, { evidence: [path] });
  return pass(`${path}: ${words} words`, { actual: `${words} words`, evidence: [path] });
};

export const grep: KindImpl<'grep'> = (c, ctx) => {
  const path = ctx.expand(c.path);
  const files = /[*?{[]/.test(path) ? ctx.fs.glob(path) : ctx.fs.info(path).exists ? [path] : [];
  const re = new RegExp(c.pattern);
  const hits: string[] = [];
  for (const f of files) {
    const lines = (ctx.fs.read(f) ?? '').split('\n');
    lines.forEach((l, i) => { if (re.test(l)) hits.push(`${f}:${i + 1}: ${l.trim().slice(0, 120)}`); });
  }
  const min = c.min ?? 1;
  const expected = `${c.max !== undefined ? `${min}–${c.max}` : `≥ ${min}`} line(s) matching /${c.pattern}/ in ${path}`;
  let out: Outcome;
  if (files.length === 0 && min > 0) out = fail(`no file matches ${path}`, { expected, actual: 'no files' });
  else if (hits.length < min) out = fail(`${hits.length} line(s) match /${c.pattern}/ in ${path}; need ≥ ${min}`, { expected, actual: String(hits.length), evidence: hits.slice(0, 10) });
  else if (c.max !== undefined && hits.length > c.max) out = fail(`${hits.length} line(s) match /${c.pattern}/ in ${path}; at most ${c.max} allowed`, { expected, actual: String(hits.length), evidence: hits.slice(0, 10) });
  else out = pass(`${hits.length} matching line(s) in ${files.length} file(s)`, { expected, actual: String(hits.length), evidence: hits.slice(0, 10) });
  return Promise.resolve(out);
};

export const checklist: KindImpl<'checklist'> = async (c, ctx) => {
  const path = ctx.expand(c.path);
  const text = ctx.fs.read(path);
  if (text === undefined) return fail(`missing: ${path}`, { evidence: [path] });
  const items = await tasks(text);
  const open = items.filter((t) => !t.checked);
  const min = c.min_items ?? 1;
  if (items.length < min) return fail(`${path} has ${items.length} task item(s); expected ≥ ${min}`, { evidence: [path] });
  if (open.length > 0) {
    return fail(`${open.length} of ${items.length} box(es) open in ${path}`, {
      expected: 'every box ticked', actual: `${items.length - open.length}/${items.length} ticked`,
      evidence: open.slice(0, 10).map((t) => `${path}:${t.line}: [ ] ${t.text.slice(0, 100)}`),
    });
  }
  return pass(`all ${items.length} boxes ticked in ${path}`, { actual: `${items.length}/${items.length}`, evidence: [path] });
};
