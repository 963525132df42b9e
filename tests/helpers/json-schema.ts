/** Every published JSON Schema (src/schemas/*.schema.json, src/schemas/output/*.schema.json) in one ajv, by `$id`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { lynx, repoRoot } from './cli.js';
import { lynxIn } from './app.js';

export const schemaDirs = [join(repoRoot, 'src/schemas'), join(repoRoot, 'src/schemas/output')];
export const ID_BASE = 'https://lynx-cortex.dev/schemas/';

// strict: a schema with a typo'd keyword fails here, not silently at a user's
export const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
for (const d of schemaDirs)
  for (const f of readdirSync(d).filter((n) => n.endsWith('.schema.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(d, f), 'utf8')) as object);

export function schema(name: string): ValidateFunction {
  const v = ajv.getSchema(`${ID_BASE}${name}.schema.json`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
}

/** Whether a JSON document matches the named published schema: '' when it does, else ajv's error text. */
export function schemaErrors(name: string, out: unknown): string {
  const v = schema(name);
  return v(out) ? '' : ajv.errorsText(v.errors);
}

/** Run lynx with --json, expect the exit code, check stdout against the named schema; returns the parsed output. */
export function valid<T = unknown>(name: string, args: string[], cwd: string, code = 0, input?: string): T {
  const r = lynx([...args, '--json'], { cwd, timeout: 180_000, ...(input === undefined ? {} : { input }) });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
  const out = JSON.parse(r.stdout) as unknown;
  const v = schema(name);
  expect(v(out), `${args.join(' ')} vs ${name}.schema.json: ${ajv.errorsText(v.errors)}`).toBe(true);
  return out as T;
}

/** `valid` in process (tests/helpers/app.ts lynxIn: the real registry, no process start-up). */
export async function validIn<T = unknown>(name: string, args: string[], cwd: string, code = 0): Promise<T> {
  const r = await lynxIn([...args, '--json'], { cwd });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
  const out = JSON.parse(r.stdout) as unknown;
  const v = schema(name);
  expect(v(out), `${args.join(' ')} vs ${name}.schema.json: ${ajv.errorsText(v.errors)}`).toBe(true);
  return out as T;
}
