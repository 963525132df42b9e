/** grep: lines matching a pattern in a file or glob, between min and max. `max` alone means min 0. */
import { createRequire } from 'node:module';
import type RandExpType from 'randexp';
import { fail, pass, type KindDef, type Outcome, type CheckOf } from '../types.js';
import { code, filesOf, needsWord, readForCheck, target } from './shared.js';
import { withMembers } from './grep-json.js';

/** A `max` without `min` forbids the pattern (min 0); with neither, at least one line must match. */
export const grepMin = (c: CheckOf<'grep'>): number => c.min ?? (c.max !== undefined ? 0 : 1);
const range = (c: CheckOf<'grep'>): string => (c.max !== undefined ? `${grepMin(c)}–${c.max}` : `≥ ${grepMin(c)}`);

// randexp (CommonJS, 4 packages) is for the self-test's fixtures only: required on first use, so the
// gate and checkpoint, which load every check kind, do not load it (issue 20)
let randExp: typeof RandExpType | undefined;
const RandExp = (): typeof RandExpType => (randExp ??= createRequire(import.meta.url)('randexp') as typeof RandExpType);

/** A line that matches the pattern (a regex-to-string generator, checked against the regex). */
export function matchingLine(pattern: string): string | undefined {
  const re = new RegExp(pattern);
  const gen = new (RandExp())(pattern);
  gen.defaultRange.subtract(0, 31);
  gen.defaultRange.subtract(127, 0x10ffff);
  gen.max = 3;
  for (let i = 0; i < 50; i++) {
    const s = gen.gen().replace(/[\r\n]/g, ' ');
    if (re.test(s)) return s;
  }
  return undefined;
}

export const grep: KindDef<'grep'> = {
  title: (c, x) => `/${c.pattern}/ in ${x(c.path)}`,
  phrase: (c, p) =>
    `lines matching ${code(`/${c.pattern}/`)} in ${code(p.expand(c.path))}: ${range(c)}${needsWord(c.needs)}`,
  paths: (c) => [[c.path, '/path']],
  validate(c) {
    try {
      new RegExp(c.pattern);
    } catch (e) {
      return [['/pattern', `invalid regular expression: ${(e as Error).message}`]];
    }
    if (c.max !== undefined && grepMin(c) > c.max)
      return [['/max', `max ${c.max} is below min ${grepMin(c)}: no file can pass`]];
    return [];
  },
  evaluate(c, ctx) {
    const path = ctx.expand(c.path);
    const files = filesOf(ctx, path);
    const re = new RegExp(c.pattern);
    const hits: string[] = [];
    for (const f of files) {
      const lines = (readForCheck(ctx, f) ?? '').split('\n');
      lines.forEach((l, i) => {
        if (re.test(l)) hits.push(`${f}:${i + 1}: ${l.trim().slice(0, 120)}`);
      });
    }
    const min = grepMin(c);
    const expected = `${range(c)} line(s) matching /${c.pattern}/ in ${path}`;
    let out: Outcome;
    if (files.length === 0 && min > 0) out = fail(`no file matches ${path}`, { expected, actual: 'no files' });
    else if (hits.length < min)
      out = fail(`${hits.length} line(s) match /${c.pattern}/ in ${path}; need ≥ ${min}`, {
        expected,
        actual: String(hits.length),
        evidence: hits.slice(0, 10),
      });
    else if (c.max !== undefined && hits.length > c.max)
      out = fail(`${hits.length} line(s) match /${c.pattern}/ in ${path}; at most ${c.max} allowed`, {
        expected,
        actual: String(hits.length),
        evidence: hits.slice(0, 10),
      });
    else
      out = pass(`${hits.length} matching line(s) in ${files.length} file(s)`, {
        expected,
        actual: String(hits.length),
        evidence: hits.slice(0, 10),
      });
    return Promise.resolve(out);
  },
  fixture(c, w, want) {
    const path = target(w, c.path);
    const min = grepMin(c);
    const n = want === 'pass' ? min : min > 0 ? 0 : (c.max ?? 0) + 1;
    if (want === 'fail' && min > 0) return w.remove(path);
    const line = matchingLine(c.pattern) ?? '';
    const lines = Array.from({ length: n }, () => line);
    const asJson = /\.json$/i.test(path) ? withMembers(w.read(path), lines) : undefined;
    if (asJson !== undefined) w.write(path, asJson);
    else w.write(path, `${lines.join('\n')}\n`, { append: true });
  },
};
