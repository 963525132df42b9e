/**
 * Metric assertions from curriculum data: `metrics.final_loss < 0.5`, `schemes.int8.acc_drop_pp <= 2`,
 * `status == "ok"`. A dotted path (with [n] indexes) into a JSON document, an operator, a literal.
 */
export type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
export interface Assertion {
  text: string;
  path: string[];
  op: Op;
  value: number | string | boolean | null;
}

const RE = /^\s*([A-Za-z_][A-Za-z0-9_.\-[\]]*)\s*(<=|>=|==|!=|<|>)\s*(.+?)\s*$/;

export function parseAssertion(text: string): Assertion {
  const m = RE.exec(text);
  if (!m) throw new Error(`not an assertion: "${text}" (expected: dotted.path OP value)`);
  const [, rawPath = '', op, rawValue = ''] = m;
  const path = rawPath
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  let value: Assertion['value'];
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(rawValue)) value = Number(rawValue);
  else if (rawValue === 'true' || rawValue === 'false') value = rawValue === 'true';
  else if (rawValue === 'null') value = null;
  else if (/^(["']).*\1$/.test(rawValue)) value = rawValue.slice(1, -1);
  else value = rawValue;
  return { text, path, op: op as Op, value };
}

export function lookup(doc: unknown, path: readonly string[]): { found: boolean; value: unknown } {
  let cur: unknown = doc;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(seg in (cur as Record<string, unknown>)))
      return { found: false, value: undefined };
    cur = (cur as Record<string, unknown>)[seg];
  }
  return { found: true, value: cur };
}

export interface AssertionResult {
  ok: boolean;
  message: string;
  actual: string;
}

export function evaluate(a: Assertion, doc: unknown): AssertionResult {
  const { found, value } = lookup(doc, a.path);
  const where = a.path.join('.');
  if (!found) return { ok: false, message: `${where} is missing`, actual: '<missing>' };
  const actual = JSON.stringify(value);
  if (a.op === '==' || a.op === '!=') {
    const eq = value === a.value || (typeof value === 'number' && typeof a.value === 'number' && value === a.value);
    const ok = a.op === '==' ? eq : !eq;
    return {
      ok,
      message: `${where} = ${actual} ${ok ? 'satisfies' : 'fails'} ${a.op} ${JSON.stringify(a.value)}`,
      actual,
    };
  }
  if (typeof value !== 'number' || typeof a.value !== 'number' || Number.isNaN(value)) {
    return {
      ok: false,
      message: `${where} = ${actual} is not a number (needed for ${a.op} ${JSON.stringify(a.value)})`,
      actual,
    };
  }
  const ok =
    a.op === '<'
      ? value < a.value
      : a.op === '<='
        ? value <= a.value
        : a.op === '>'
          ? value > a.value
          : value >= a.value;
  return { ok, message: `${where} = ${actual} ${ok ? 'satisfies' : 'fails'} ${a.op} ${a.value}`, actual };
}
