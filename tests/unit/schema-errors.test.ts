import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/io/yaml.js';
import { schemaProblems, pointerToPath } from '../../src/core/schema-errors.js';
import { validatePhase } from '../../src/schemas/generated/phase.validator.js';
import { validateConfig } from '../../src/schemas/generated/config.validator.js';

async function problems(yaml: string, v: typeof validatePhase) {
  const loaded = await parseYaml(yaml, 'x.yaml');
  expect(v(loaded.data)).toBe(false);
  return schemaProblems(v.errors ?? [], loaded.data, loaded.locate);
}

describe('schema errors people can act on', () => {
  it('turns pointers into paths', () => {
    expect(pointerToPath('/dod/2/check/kind')).toBe('dod[2].check.kind');
    expect(pointerToPath('')).toBe('(root)');
  });

  it('names line, column, path, expected and found for an unknown check kind', async () => {
    const base = (await import('node:fs')).readFileSync('curriculum/phase-00-foundations/phase.yaml', 'utf8');
    const broken = base.replace(
      'check: { kind: command, just: audit-deps }',
      'check: { kind: fiel, just: audit-deps }',
    );
    const ps = await problems(broken, validatePhase);
    const p = ps.find((x) => x.path.endsWith('check.kind'));
    expect(p).toBeDefined();
    expect(p?.message).toContain('"fiel"');
    expect(p?.line).toBe(broken.split('\n').findIndex((l) => l.includes('kind: fiel')) + 1);
  });

  it('reports a wrong type with what was found', async () => {
    const ps = await problems('schema_version: 1\nlearner: 42\n', validateConfig);
    expect(ps).toEqual([
      { pointer: '/learner', path: 'learner', message: 'expected string — found 42', line: 2, col: 10 },
    ]);
  });

  it('reports unknown fields at the key', async () => {
    const ps = await problems('schema_version: 1\nlerner: borja\n', validateConfig);
    expect(ps[0]).toMatchObject({ path: 'lerner', message: 'unknown field "lerner"', line: 2, col: 1 });
  });

  it('reports a missing required field', async () => {
    const ps = await problems('learner: borja\n', validateConfig);
    expect(ps[0]?.message).toBe('missing required field "schema_version"');
  });

  it('YAML syntax errors carry line and column', async () => {
    await expect(parseYaml('a: [1, 2\nb: 3\n', 'bad.yaml')).rejects.toThrow(/^bad\.yaml:\d+:\d+ invalid YAML/);
  });
});
