import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');

/** The built CLI (npm test builds first): one code-split build, so module state exists once. */
describe.runIf(existsSync(join(dist, 'meta.json')))('the build', () => {
  const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };

  it('puts every source module in exactly one output file', () => {
    const owners = new Map<string, string[]>();
    for (const [out, o] of Object.entries(meta.outputs)) {
      if (!out.endsWith('.js')) continue;
      for (const input of Object.keys(o.inputs)) owners.set(input, [...(owners.get(input) ?? []), out]);
    }
    const twice = [...owners].filter(([, outs]) => outs.length > 1).map(([i, outs]) => `${i} in ${outs.join(', ')}`);
    expect(twice).toEqual([]);
    expect(owners.has('src/core/errors.ts')).toBe(true);
  });

  it('has one layer: cli.js and its chunks, no standalone copies', () => {
    expect(readdirSync(dist).filter((f) => f.endsWith('.js'))).toEqual(['cli.js']);
    expect(existsSync(join(dist, 'fast'))).toBe(false);
    expect(existsSync(join(dist, 'lazy'))).toBe(false);
  });

  it('replaces packages by the stub files in src/stubs, not by rewriting their source', () => {
    const inputs = new Set(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)));
    expect(inputs.has('src/stubs/is-in-ci.ts')).toBe(true);
    expect([...inputs].some((i) => i.includes('node_modules/is-in-ci/'))).toBe(false);
    expect(inputs.has('src/stubs/commander-child-process.ts')).toBe(true);
  });
});
