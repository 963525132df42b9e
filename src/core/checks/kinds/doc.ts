/** JSON documents for manifest and json checks: read, assert, and synthesise values that pass. */
import type { CheckContext, FixtureWorld } from '../types.js';
import { evaluate, parseAssertion, type Assertion } from '../../assertions.js';
import { parseJsonText } from '../../json.js';

/** A missing file is the learner's work not being there (fail); a corrupt one is bad input (exit 2). */
export function parseDoc(ctx: CheckContext, path: string): { doc?: unknown; error?: string } {
  if (ctx.fs.json) {
    const doc = ctx.fs.json(path);
    return doc === undefined ? { error: `missing: ${path}` } : { doc };
  }
  const text = ctx.fs.read(path);
  if (text === undefined) return { error: `missing: ${path}` };
  return { doc: parseJsonText(text, path) };
}

export function assertAll(
  list: readonly string[] | undefined,
  doc: unknown,
  path: string,
): { failed: string[]; passed: string[] } {
  const failed: string[] = [];
  const passed: string[] = [];
  for (const text of list ?? []) {
    const r = evaluate(parseAssertion(text), doc);
    (r.ok ? passed : failed).push(`${path}: ${r.message}`);
  }
  return { failed, passed };
}

export function assertionProblems(list: readonly string[] | undefined): [string, string][] {
  const out: [string, string][] = [];
  (list ?? []).forEach((a, i) => {
    try {
      parseAssertion(a);
    } catch (e) {
      out.push([`/assert/${i}`, (e as Error).message]);
    }
  });
  return out;
}

/** A value that makes the assertion true (or false). */
function valueFor(a: Assertion, ok: boolean): unknown {
  const v = a.value;
  if (typeof v === 'number') {
    const good = { '<': v - 1, '<=': v, '>': v + 1, '>=': v, '==': v, '!=': v + 1 }[a.op];
    const bad = { '<': v, '<=': v + 1, '>': v, '>=': v - 1, '==': v + 1, '!=': v }[a.op];
    return ok ? good : bad;
  }
  const same = a.op === '==' ? ok : !ok;
  if (same) return v;
  if (typeof v === 'boolean') return !v;
  return typeof v === 'string' ? `${v}-not` : 0;
}

function setPath(doc: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = doc;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      cur[seg] = value;
      return;
    }
    const next = cur[seg];
    if (next === null || typeof next !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  });
}

/** Write `base` merged with values for the assertions; `violate` makes the first one false. */
export function writeDoc(
  w: FixtureWorld,
  path: string,
  base: Record<string, unknown>,
  asserts: readonly string[] | undefined,
  violate: boolean,
): void {
  const old = w.read(path);
  let doc: Record<string, unknown> = { ...base };
  try {
    if (old !== undefined) doc = { ...base, ...(JSON.parse(old) as Record<string, unknown>) };
  } catch {
    /* not JSON yet: start from base */
  }
  (asserts ?? []).forEach((text, i) => {
    const a = parseAssertion(text);
    setPath(doc, a.path, valueFor(a, !(violate && i === 0)));
  });
  w.write(path, `${JSON.stringify(doc, null, 2)}\n`);
}
