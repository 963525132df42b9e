/**
 * YAML and JSON loading with source positions, so every schema error can name file:line:col.
 * The `yaml` package is imported lazily: the fast paths (--help, status) read only JSON.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { lineCol, parseJsonText } from '../core/json.js';
import type { Locate, Located } from '../core/schema-errors.js';

export interface Loaded<T = unknown> { data: T; locate: Locate; file: string; text: string }

export function readText(file: string, display: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${display}: file not found` : `${display}: cannot read (${code ?? String(err)})`, { pos: { file: display }, cause: err });
  }
}

/** Parse YAML text; syntax errors become InputError with line/col. */
export async function parseYaml(text: string, display: string): Promise<Loaded> {
  const { parseDocument, LineCounter, isMap, isSeq, isScalar, isPair } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const p = lineCounter.linePos(firstError.pos[0]);
    throw new InputError(`${display}:${p.line}:${p.col} invalid YAML: ${firstError.message.split('\n')[0] ?? ''}`, {
      pos: { file: display, line: p.line, col: p.col },
      details: doc.errors.slice(1, 5).map((e) => { const q = lineCounter.linePos(e.pos[0]); return `${display}:${q.line}:${q.col} ${e.message.split('\n')[0] ?? ''}`; }),
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
    const target = (key && keyNode ? keyNode : node ?? keyNode) as { range?: [number, number, number] } | undefined;
    const off = target?.range?.[0];
    if (off === undefined) return undefined;
    const p = lineCounter.linePos(off);
    return { line: p.line, col: p.col };
  };
  return { data: doc.toJS({ maxAliasCount: 100 }) as unknown, locate, file: display, text };
}

/** Parse JSON; a syntax error names the line and column. Positions of values are found by a light scan. */
export function parseJson(text: string, display: string): Loaded {
  const data = parseJsonText(text, display);
  return { data, file: display, text, locate: (pointer) => locateJson(text, pointer) };
}

/** Best-effort position of a JSON pointer: finds the key of the last segment in order. */
function locateJson(text: string, pointer: string): Located | undefined {
  const segs = pointer.split('/').slice(1).filter((s) => !/^\d+$/.test(s));
  let from = 0;
  for (const seg of segs) {
    const i = text.indexOf(JSON.stringify(seg.replace(/~1/g, '/').replace(/~0/g, '~')), from);
    if (i < 0) break;
    from = i;
  }
  return from > 0 ? lineCol(text, from) : undefined;
}

export async function loadYamlFile(file: string, display: string): Promise<Loaded> {
  return parseYaml(readText(file, display), display);
}

export function loadJsonFile(file: string, display: string): Loaded {
  return parseJson(readText(file, display), display);
}
