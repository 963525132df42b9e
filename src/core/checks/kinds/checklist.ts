/**
 * checklist: the curriculum's own checklist lines (the lab whose page the path names), each ticked
 * or marked not applicable with a reason. A deleted, reworded or `[-]` line is open: the check
 * counts the curriculum's items, not whatever boxes are left in the file.
 */
import type { Lab, Phase } from '../../../schemas/generated/types.js';
import { fail, pass, type KindDef } from '../types.js';
import { tasks, type Task } from '../../markdown-tasks.js';
import { code, needsWord } from './shared.js';

/** `- [x] ~~item~~ n/a: reason` — struck through, with the reason after it (README "Checklists"). */
const NA = /^~~([\s\S]+?)~~\s*n\/a:\s*(\S[\s\S]*)$/i;
const norm = (s: string): string =>
  s
    .replace(/[`*_~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.:;]+$/, '');

/** The lab whose page (lab.file) the checklist path ends with. */
export function labOf(phase: Phase, path: string): Lab | undefined {
  return phase.labs.find(
    (l) => l.file !== undefined && (path === l.file || path.endsWith(`/${l.file}`)) && (l.checklist ?? []).length > 0,
  );
}
export const labItems = (lab: Lab | undefined): string[] =>
  (lab?.checklist ?? []).flatMap((b) => b.items.map((x) => x.replace(/\s*\n\s*/g, ' ')));

interface Judged {
  item: string;
  state: 'ticked' | 'na' | 'open' | 'missing';
  reason?: string;
  line?: number;
}

export function judge(expected: readonly string[], found: readonly Task[]): Judged[] {
  return expected.map((item) => {
    const want = norm(item);
    for (const t of found) {
      const na = NA.exec(t.text);
      if (na && norm(na[1] ?? '') === want) return { item, state: 'na', reason: (na[2] ?? '').trim(), line: t.line };
      if (norm(t.text) === want) return { item, state: t.checked ? 'ticked' : 'open', line: t.line };
    }
    return { item, state: 'missing' };
  });
}

export const checklist: KindDef<'checklist'> = {
  title: (c, x) => `checklist ${x(c.path)}`,
  phrase: (c, p) =>
    `every box ticked in ${code(p.expand(c.path))} (the curriculum's lines; \`~~line~~ n/a: reason\` for one ` +
    `that does not apply)${needsWord(c.needs)}`,
  paths: (c) => [[c.path, '/path']],
  validate: () => [],
  async evaluate(c, ctx) {
    const path = ctx.expand(c.path);
    const text = ctx.fs.read(path);
    if (text === undefined) return fail(`missing: ${path}`, { evidence: [path] });
    const found = await tasks(text);
    const expected = labItems(labOf(ctx.phase, path));
    if (expected.length === 0) {
      // a checklist of the learner's own (no curriculum lines to hold it to): every box it has
      const open = found.filter((t) => !t.checked);
      if (found.length < (c.min_items ?? 1))
        return fail(`${path} has ${found.length} task item(s); expected ≥ ${c.min_items ?? 1}`, { evidence: [path] });
      if (open.length > 0)
        return fail(`${open.length} of ${found.length} box(es) open in ${path}`, {
          expected: 'every box ticked',
          actual: `${found.length - open.length}/${found.length} ticked`,
          evidence: open.slice(0, 10).map((t) => `${path}:${t.line}: [ ] ${t.text.slice(0, 100)}`),
        });
      return pass(`all ${found.length} boxes ticked in ${path}`, {
        actual: `${found.length}/${found.length}`,
        evidence: [path],
      });
    }
    const judged = judge(expected, found);
    const open = judged.filter((j) => j.state === 'open' || j.state === 'missing');
    const na = judged.filter((j) => j.state === 'na');
    const naEvidence = na.map((j) => `n/a: ${j.item.slice(0, 80)} — ${j.reason ?? ''}`);
    const actual = `${judged.length - open.length}/${judged.length} done${na.length > 0 ? ` (${na.length} n/a)` : ''}`;
    if (open.length > 0) {
      return fail(`${open.length} of ${judged.length} curriculum line(s) open in ${path}`, {
        expected: 'every curriculum line ticked (or ~~struck~~ n/a: with a reason)',
        actual,
        evidence: open
          .slice(0, 10)
          .map((j) =>
            j.state === 'missing'
              ? `${path}: missing or reworded: ${j.item.slice(0, 100)}`
              : `${path}:${j.line ?? 0}: [ ] ${j.item.slice(0, 100)}`,
          )
          .concat(naEvidence),
      });
    }
    return pass(
      `all ${judged.length} curriculum lines done in ${path}${na.length > 0 ? `, ${na.length} not applicable` : ''}`,
      { actual, evidence: [path, ...naEvidence] },
    );
  },
  fixture(c, w, want) {
    const path = w.expand(c.path);
    const items = labItems(labOf(w.phase, path));
    const lines = items.length > 0 ? items : Array.from({ length: c.min_items ?? 1 }, (_, i) => `step ${i + 1}`);
    w.write(path, lines.map((l, i) => `- [${want === 'fail' && i === 0 ? ' ' : 'x'}] ${l}`).join('\n') + '\n');
  },
};
