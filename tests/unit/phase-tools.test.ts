import { describe, expect, it } from 'vitest';
import {
  argvNeeds,
  commandNeeds,
  impossible,
  phaseCommands,
  recipeNeeds,
  shellNeeds,
  type Recipe,
} from '../../src/core/phase-tools.js';
import { runnerProblem, substitute, substitutionsIn } from '../../src/core/runner.js';
import { loadPhase } from '../../src/io/curriculum.js';

const tools = (n: { tool: string; kind: string }[]): string[] => n.map((x) => `${x.kind}:${x.tool}`);

describe('the tools a command needs', () => {
  it('uv run X needs uv and X in its environment; uv brings python, not python -m M', () => {
    expect(tools(argvNeeds(['uv', 'run', 'pytest', '-q']))).toEqual(['path:uv', 'env:pytest']);
    expect(tools(argvNeeds(['uv', 'run', '--with', 'rich', 'ruff', 'check']))).toEqual(['path:uv', 'env:ruff']);
    expect(tools(argvNeeds(['uv', 'run', 'python', 'scripts/x.py']))).toEqual(['path:uv']);
    expect(tools(argvNeeds(['uv', 'run', 'python', '-m', 'pytest']))).toEqual(['path:uv', 'env:pytest']);
    expect(tools(argvNeeds(['python3', '-m', 'mypy', 'src']))).toEqual(['path:python3', 'module:mypy']);
    expect(tools(argvNeeds(['echo', 'hi']))).toEqual([]);
    expect(tools(argvNeeds(['timeout', '30', 'scripts/bench.sh']))).toEqual(['path:timeout', 'path:scripts/bench.sh']);
  });

  it('a shell line: every simple command, quotes respected, builtins and assignments skipped', () => {
    expect(tools(shellNeeds("cat /proc/cpuinfo | grep -E 'model name|flags' | head -2"))).toEqual([]);
    expect(tools(shellNeeds('@PYTHONHASHSEED=0 uv run pytest -q && ruff check . ; mypy "src dir"'))).toEqual([
      'path:uv',
      'env:pytest',
      'path:ruff',
      'path:mypy',
    ]);
    expect(tools(shellNeeds('# a comment'))).toEqual([]);
    expect(tools(argvNeeds(['sh', '-c', 'nvidia-smi -L || lspci']))).toEqual([
      'path:sh',
      'path:nvidia-smi',
      'path:lspci',
    ]);
  });

  it('just R follows the recipe body, its dependencies and `just other` inside it', () => {
    const recipes = new Map<string, Recipe>([
      ['test', { lines: ['uv run pytest -q'], deps: ['lint'], shebang: false }],
      ['lint', { lines: ['uv run ruff check .', 'just types'], deps: [], shebang: false }],
      ['types', { lines: ['uv run mypy --strict src'], deps: [], shebang: false }],
      ['py', { lines: ['#!/usr/bin/env python3', 'print(1)'], deps: [], shebang: true }],
    ]);
    const n = recipeNeeds('test', recipes) ?? [];
    expect(tools(n)).toEqual(['path:uv', 'env:ruff', 'path:uv', 'env:mypy', 'path:uv', 'env:pytest']);
    expect(n.find((x) => x.tool === 'mypy')?.via).toBe('just types');
    expect(tools(recipeNeeds('py', recipes) ?? [])).toEqual(['path:python3']);
    expect(recipeNeeds('nope', recipes)).toBeUndefined();
    const c = commandNeeds(
      { ref: 'lab 00', lab: '00', label: 'just nope', just: 'nope' },
      recipes,
      undefined,
      () => false,
    );
    expect(c.unresolved).toBe('the Justfile has no recipe `nope`');
    const none = commandNeeds(
      { ref: 'lab 00', lab: '00', label: 'just test', just: 'test' },
      undefined,
      undefined,
      () => false,
    );
    expect(none.unresolved).toMatch(/no Justfile/);
  });

  it("phase 00's commands: the DoD's command checks (inside all/any too), every lab's runnable one", async () => {
    const p0 = await loadPhase(undefined, 0);
    const cmds = phaseCommands(p0);
    expect(cmds.filter((c) => c.item === 'bandit-clean').map((c) => c.label)).toEqual(['uv run bandit -r src/']);
    expect(cmds.some((c) => c.item !== undefined && c.just === 'test')).toBe(true);
    // the argv lynx runs, not the page's `pytest …`
    expect(cmds.find((c) => c.lab === '01' && c.argv?.includes('pytest'))?.label).toBe(
      'uv run pytest tests/test_justfile.py',
    );
    const uv = cmds.filter((c) => argvNeeds(c.argv ?? []).some((n) => n.tool === 'uv'));
    expect(impossible(uv)).toBe('DoD item 8 `bandit-clean` cannot pass; labs 00–04 cannot run');
    const p1 = await loadPhase(undefined, 1);
    expect(phaseCommands(p1).some((c) => (c.argv ?? [])[0] === 'uv')).toBe(false);
  });
});

describe('the runner mapping', () => {
  const missing = (): boolean => true;
  it('python3 -m: words in front; the longest key wins; `uv run python` runs the interpreter', () => {
    const map = { 'uv run': 'python3 -m', 'uv run bandit': '.venv/bin/bandit' };
    expect(substitute(['uv', 'run', 'pytest', '-q'], map, missing)?.argv).toEqual(['python3', '-m', 'pytest', '-q']);
    expect(substitute(['uv', 'run', 'bandit', '-r', 'src/'], map, missing)?.argv).toEqual([
      '.venv/bin/bandit',
      '-r',
      'src/',
    ]);
    expect(substitute(['uv', 'run', 'python', 'x.py'], map, missing)?.argv).toEqual(['python3', 'x.py']);
    const s = substitute(['uv', 'run', 'pytest', '-k', 'a b'], map, missing)?.substitution;
    expect(s).toEqual({
      command: "uv run pytest -k 'a b'",
      ran: "python3 -m pytest -k 'a b'",
      reason: 'uv is not on this machine\'s PATH; runner "uv run": "python3 -m" in lynx.yaml',
    });
  });

  it('a directory runner joins the next word; nothing applies where uv is present or the prefix differs', () => {
    expect(substitute(['uv', 'run', 'ruff', 'check'], { 'uv run': '.venv/bin/' }, missing)?.argv).toEqual([
      '.venv/bin/ruff',
      'check',
    ]);
    expect(substitute(['uv', 'run', 'ruff'], { 'uv run': 'python3 -m' }, () => false)).toBeUndefined();
    expect(substitute(['ruff', 'check'], { 'uv run': 'python3 -m' }, missing)).toBeUndefined();
    expect(substitute(['uv', 'run', 'ruff'], undefined, missing)).toBeUndefined();
  });

  it('refuses a key that is no `uv run` prefix, a value that is not a string, an empty runner', () => {
    expect(runnerProblem('uv run', 'python3 -m')).toBeUndefined();
    expect(runnerProblem('uv run pytest', '.venv/bin/pytest')).toBeUndefined();
    expect(runnerProblem('uv ru', 'python3 -m')).toMatch(/starting with `uv run`.*found "uv ru"/);
    expect(runnerProblem('pytest', 'python3 -m pytest')).toMatch(/starting with `uv run`/);
    expect(runnerProblem('uv run', 3)).toMatch(/expected a string .* found number/);
    expect(runnerProblem('uv run', '  ')).toMatch(/found an empty string/);
  });

  it('substitutionsIn finds them in children too, once per command', () => {
    const sub = { command: 'uv run x', ran: 'python3 -m x', reason: 'r' };
    const checks = [
      { id: 'a', kind: 'all', title: 'a', status: 'pass' as const, message: '', children: [] },
      {
        id: 'b',
        kind: 'all',
        title: 'b',
        status: 'pass' as const,
        message: '',
        children: [{ id: 'b.1', kind: 'command', title: 'x', status: 'pass' as const, message: '', substitution: sub }],
      },
      { id: 'c', kind: 'command', title: 'x', status: 'pass' as const, message: '', substitution: sub },
    ];
    expect(substitutionsIn(checks)).toEqual([sub]);
    expect(substitutionsIn(checks.slice(0, 1))).toEqual([]);
  });
});
