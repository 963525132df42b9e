/**
 * Turn ajv errors into messages a person can act on:
 *   curriculum/phase-07-…/phase.yaml:41:7 dod[2].check.kind: expected one of file, glob, … — found "fiel"
 * Pure: the caller supplies `locate` (JSON pointer → line/col) from the parsed document.
 */
import type { ErrorObject } from 'ajv';

export interface Located {
  line: number;
  col: number;
}
export type Locate = (pointer: string, key?: boolean) => Located | undefined;

export interface SchemaProblem {
  pointer: string;
  path: string;
  message: string;
  line?: number;
  col?: number;
}

/** `/dod/2/check/kind` → `dod[2].check.kind` */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc === '' ? seg : `${acc}.${seg}`), '');
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function describe(e: ErrorObject, data: unknown): { pointer: string; text: string; key?: boolean } {
  const found = valueAt(data, e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: e.instancePath, text: `missing required field "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return {
        pointer: `${e.instancePath}/${String(p.additionalProperty)}`,
        key: true,
        text: `unknown field "${String(p.additionalProperty)}"`,
      };
    case 'enum':
      return {
        pointer: e.instancePath,
        text: `expected one of ${(p.allowedValues as unknown[]).map(String).join(', ')} — found ${show(found)}`,
      };
    case 'const':
      return { pointer: e.instancePath, text: `expected ${show(p.allowedValue)} — found ${show(found)}` };
    case 'type':
      return { pointer: e.instancePath, text: `expected ${String(p.type)} — found ${show(found)}` };
    case 'pattern':
      return { pointer: e.instancePath, text: `expected a value matching ${String(p.pattern)} — found ${show(found)}` };
    case 'discriminator':
      if (p.error === 'mapping')
        return {
          pointer: `${e.instancePath}/${String(p.tag)}`,
          text: `expected a known ${String(p.tag)} — found ${show(p.tagValue)}`,
        };
      return { pointer: e.instancePath, text: `"${String(p.tag)}" must be a string` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        pointer: e.instancePath,
        text: `expected a number ${String(p.comparison)} ${String(p.limit)} — found ${show(found)}`,
      };
    case 'minItems':
      return {
        pointer: e.instancePath,
        text:
          `expected at least ${String(p.limit)} item(s) — found ` +
          `${Array.isArray(found) ? found.length : show(found)}`,
      };
    case 'minLength':
      return { pointer: e.instancePath, text: `expected a non-empty string — found ${show(found)}` };
    case 'uniqueItems':
      return {
        pointer: e.instancePath,
        text: `expected unique items — items ${String(p.j)} and ${String(p.i)} are equal`,
      };
    case 'format':
      return { pointer: e.instancePath, text: `expected a ${String(p.format)} — found ${show(found)}` };
    default:
      return { pointer: e.instancePath, text: `${e.message ?? e.keyword} — found ${show(found)}` };
  }
}

/**
 * oneOf/if-then errors repeat the real cause; keep the most specific ones.
 * A oneOf failure is dropped when a deeper error exists under the same pointer.
 */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown, locate: Locate): SchemaProblem[] {
  const noisy = new Set(['oneOf', 'if', 'anyOf', 'allOf']);
  const specific = errors.filter((e) => !noisy.has(e.keyword));
  const chosen = mergeTypeErrors(specific.length > 0 ? specific : [...errors]);
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of chosen) {
    const d = describe(e, data);
    const k = `${d.pointer}|${d.text}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const pos = locate(d.pointer, d.key);
    out.push({
      pointer: d.pointer,
      path: pointerToPath(d.pointer),
      message: d.text,
      ...(pos ? { line: pos.line, col: pos.col } : {}),
    });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A oneOf over types reports one "must be X" per branch; say it once: "expected integer or string". */
function mergeTypeErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const byPointer = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'type') {
      out.push(e);
      continue;
    }
    const prev = byPointer.get(e.instancePath);
    if (prev) {
      const p = prev.params as { type: string };
      const t = String((e.params as { type: unknown }).type);
      if (!p.type.split(' or ').includes(t)) p.type = `${p.type} or ${t}`;
      continue;
    }
    const copy = { ...e, params: { type: String((e.params as { type: unknown }).type) } };
    byPointer.set(e.instancePath, copy);
    out.push(copy);
  }
  return out;
}
