/**
 * YAML and JSON loading with source positions, so every schema error can name file:line:col.
 * The `yaml` package is imported lazily: the fast paths (--help, status) read only JSON.
 */
import { InputError } from '../core/errors.js';
import { depthExceeded, lineCol, MAX_DEPTH, parseJsonText } from '../core/json.js';
import { CAPS, readRegularText } from './fsx-read.js';
import type { Locate, Located } from '../core/schema-errors.js';

export interface Loaded<T = unknown> {
  data: T;
  locate: Locate;
  file: string;
  text: string;
}

/** A regular file's strict UTF-8 text, capped (see fsx-read.ts); `root` keeps its real path inside the workspace. */
export function readText(file: string, display: string, opts: { cap?: number; root?: string } = {}): string {
  return readRegularText(file, {
    display,
    cap: opts.cap ?? CAPS.text,
    ...(opts.root !== undefined ? { root: opts.root } : {}),
  });
}

/** Depth of plain data, without recursion (an alias-free YAML document can still nest 100k deep). */
function tooDeep(data: unknown, max = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > max) return true;
    if (v !== null && typeof v === 'object')
      for (const c of Object.values(v)) if (c !== null && typeof c === 'object') stack.push([c, d + 1]);
  }
  return false;
}

const YAML_LIMITS = { maxAliasCount: 100 };

/** Parse YAML text; syntax errors become InputError with line/col. */
export async function parseYaml(text: string, display: string): Promise<Loaded> {
  // yaml is CommonJS bundled into a lynx chunk (scripts/build.ts): its exports are the namespace's default
  const ns = await import('yaml');
  const { parseDocument, LineCounter, isMap, isSeq, isScalar, isPair } =
    (ns as unknown as { default?: typeof ns }).default ?? ns;
  const lineCounter = new LineCounter();
  // nesting is bounded before the parser sees it: the parser and toJS recurse
  const deep = depthExceeded(text);
  if (deep >= 0) {
    const p = lineCol(text, deep);
    throw new InputError(`${display}:${p.line}:${p.col} invalid YAML: nested deeper than ${MAX_DEPTH} levels`, {
      pos: { file: display, ...p },
    });
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    throw new InputError(
      `${display}: invalid YAML: ${e instanceof RangeError ? 'nested too deeply' : (e as Error).message}`,
      { pos: { file: display }, cause: e },
    );
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const p = lineCounter.linePos(firstError.pos[0]);
    throw new InputError(`${display}:${p.line}:${p.col} invalid YAML: ${firstError.message.split('\n')[0] ?? ''}`, {
      pos: { file: display, line: p.line, col: p.col },
      details: doc.errors.slice(1, 5).map((e) => {
        const q = lineCounter.linePos(e.pos[0]);
        return `${display}:${q.line}:${q.col} ${e.message.split('\n')[0] ?? ''}`;
      }),
    });
  }
  const locate: Locate = (pointer, key) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const raw of pointer.split('/').slice(1)) {
      const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === seg);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(seg)];
        keyNode = undefined;
      } else break;
    }
    const target = (key && keyNode ? keyNode : (node ?? keyNode)) as { range?: [number, number, number] } | undefined;
    const off = target?.range?.[0];
    if (off === undefined) return undefined;
    const p = lineCounter.linePos(off);
    return { line: p.line, col: p.col };
  };
  let data: unknown;
  try {
    data = doc.toJS(YAML_LIMITS) as unknown;
  } catch (e) {
    // "Excessive alias count" (an alias bomb), or a stack overflow on a deep alias chain
    const why = e instanceof RangeError ? 'nested too deeply' : ((e as Error).message.split('\n')[0] ?? '');
    throw new InputError(
      `${display}: invalid YAML: ${why} (aliases are limited to ${YAML_LIMITS.maxAliasCount} expansions)`,
      { pos: { file: display }, cause: e },
    );
  }
  if (tooDeep(data))
    throw new InputError(`${display}: invalid YAML: nested deeper than ${MAX_DEPTH} levels`, {
      pos: { file: display },
    });
  return { data, locate, file: display, text };
}

/** Parse JSON; a syntax error names the line and column. Positions of values are found by a light scan. */
export function parseJson(text: string, display: string): Loaded {
  const data = parseJsonText(text, display);
  return { data, file: display, text, locate: (pointer) => locateJson(text, pointer) };
}

/** Best-effort position of a JSON pointer: finds the key of the last segment in order. */
function locateJson(text: string, pointer: string): Located | undefined {
  const segs = pointer
    .split('/')
    .slice(1)
    .filter((s) => !/^\d+$/.test(s));
  let from = 0;
  for (const seg of segs) {
    const i = text.indexOf(JSON.stringify(seg.replace(/~1/g, '/').replace(/~0/g, '~')), from);
    if (i < 0) break;
    from = i;
  }
  return from > 0 ? lineCol(text, from) : undefined;
}

export async function loadYamlFile(file: string, display: string, root?: string): Promise<Loaded> {
  return parseYaml(readText(file, display, root === undefined ? {} : { root }), display);
}

export function loadJsonFile(file: string, display: string, root?: string): Loaded {
  return parseJson(readText(file, display, { cap: CAPS.json, ...(root === undefined ? {} : { root }) }), display);
}
