/**
 * Issue 13: the next command cannot forget its schema. Every command registered with --json (walked
 * from the commander program itself) must have a row in the README's schema table, every row must
 * name a command that exists and accepts --json and schema files that exist with the `$id` the
 * README promises, and every output schema must be named there and shipped by package.json `files`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import picomatch from 'picomatch';
import { buildProgram } from '../../src/cli/program.js';

const root = join(import.meta.dirname, '..', '..');

/** "manifest diff" → whether it takes --json, for every command and subcommand. */
function jsonCommands(cmd: Command, prefix = ''): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const c of cmd.commands) {
    const path = `${prefix}${c.name()}`;
    if (c.commands.length === 0)
      out.set(
        path,
        c.options.some((o) => o.long === '--json'),
      );
    for (const [k, v] of jsonCommands(c, `${path} `)) out.set(k, v);
  }
  return out;
}

interface Row {
  commands: string[];
  schemas: string[];
  line: string;
}
function readmeRows(): Row[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const section = text.slice(
    text.indexOf('## JSON output schemas'),
    text.indexOf('\n## ', text.indexOf('## JSON output schemas') + 1),
  );
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| command'))
    .map((line) => {
      const cells = line.split(' | ');
      const ticks = (s: string | undefined): string[] =>
        [...(s ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
      return { commands: ticks(cells[0]), schemas: ticks(cells[2]).filter((s) => s.endsWith('.schema.json')), line };
    });
}

const commands = jsonCommands(buildProgram(() => undefined));
const rows = readmeRows();

describe('every --json output has a published schema', () => {
  it('the program has the commands this test expects to walk', () => {
    expect(commands.get('gate')).toBe(true);
    expect(commands.get('manifest diff')).toBe(true);
    expect(commands.get('mcp')).toBe(false); // a server over stdio, no --json
    expect(rows.length).toBeGreaterThan(20);
  });

  it('each command that accepts --json has a row in the README table', () => {
    const documented = new Set(rows.flatMap((r) => r.commands));
    const missing = [...commands]
      .filter(([, j]) => j)
      .map(([c]) => c)
      .filter((c) => !documented.has(c));
    expect(missing, 'commands with --json and no schema row in README "JSON output schemas"').toEqual([]);
  });

  it('each row names a command with --json and schema files that exist, with the $id the README promises', () => {
    for (const r of rows) {
      expect(r.schemas.length, r.line).toBeGreaterThan(0);
      if (!r.line.startsWith('| any command'))
        for (const c of r.commands) expect(commands.get(c), `${c} (${r.line})`).toBe(true);
      for (const s of r.schemas) {
        expect(existsSync(join(root, s)), s).toBe(true);
        const id = (JSON.parse(readFileSync(join(root, s), 'utf8')) as { $id: string }).$id;
        expect(id).toBe(`https://lynx-cortex.dev/schemas/${s.split('/').at(-1)}`);
      }
    }
  });

  it('each output schema is named in the README and shipped in the package (package.json files)', () => {
    const named = new Set(rows.flatMap((r) => r.schemas));
    const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] }).files;
    const shipped = picomatch(files.filter((f) => !f.startsWith('!')));
    for (const f of readdirSync(join(root, 'src/schemas/output')).filter((n) => n.endsWith('.schema.json'))) {
      const rel = `src/schemas/output/${f}`;
      expect(named.has(rel), `${rel} is not in the README table`).toBe(true);
      expect(shipped(rel), `${rel} is not in package.json files`).toBe(true);
    }
    for (const s of named) expect(shipped(s), `${s} is not in package.json files`).toBe(true);
  });

  it('the check can fail: a command without a row is reported', () => {
    const documented = new Set(rows.flatMap((r) => r.commands).filter((c) => c !== 'derive'));
    expect([...commands].filter(([c, j]) => j && !documented.has(c)).map(([c]) => c)).toEqual(['derive']);
  });
});
