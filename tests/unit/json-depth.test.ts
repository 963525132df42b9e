import { describe, expect, it } from 'vitest';
import { depthExceeded, MAX_DEPTH, parseJsonText } from '../../src/core/json.js';
import { InputError } from '../../src/core/errors.js';

describe('JSON nesting limit', () => {
  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('passes long shallow text, with few brackets or many siblings, and brackets inside strings', () => {
    expect(depthExceeded(JSON.stringify({ pad: 'x'.repeat(5000), list: [1, 2, 3] }))).toBe(-1);
    expect(depthExceeded(`[${Array.from({ length: 400 }, () => '[{}]').join(',')}]`)).toBe(-1); // 801 brackets, depth 3
    expect(depthExceeded(JSON.stringify({ s: '['.repeat(1000) }))).toBe(-1);
    expect(depthExceeded(deep(MAX_DEPTH))).toBe(-1);
  });

  it('finds where nesting passes the limit, and parseJsonText names file:line:col (exit 2)', () => {
    expect(depthExceeded(deep(MAX_DEPTH + 1))).toBe(MAX_DEPTH);
    expect(depthExceeded(`{"s":"]]]]","a":${deep(300)}}`)).toBe(16 + MAX_DEPTH - 1); // the object is the first level
    let err: unknown;
    try {
      parseJsonText(`{\n "a": ${deep(MAX_DEPTH + 5)}}`, 'x.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    expect(String((err as Error).message)).toBe(
      `x.json:2:${6 + MAX_DEPTH} invalid JSON: nested deeper than 256 levels`,
    );
  });
});
