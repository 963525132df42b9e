/**
 * lynx init --claude / lynx claude install against real temp repositories: the files Claude Code
 * reads, checked against its documented formats (YAML front matter; Bash(…) permission rules, where
 * `*` matches any characters and a trailing " *" also matches the bare command), the lynx commands
 * they name exist, an edited file survives, and the settings merge keeps the learner's keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cleanup, git, gitRepo, lynx, workspace, write, type Run } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';

afterAll(cleanup);

// Most calls run in process (tests/helpers/app.ts lynxIn: the real command registry); black-box stay:
// `--help` (commander prints it), the stop hook (it reads the process's stdin), and one `init --claude`,
// `claude install` and refused `init --mcp` each, as a user runs them.

const COMMANDS: Record<string, { runs: string[]; learner?: string[] }> = {
  'phase-start': { runs: ['lynx phase-start $ARGUMENTS --json'], learner: ['lynx phase-start $ARGUMENTS --approve'] },
  'phase-checkpoint': { runs: ['lynx checkpoint $ARGUMENTS --json'] },
  'phase-report': { runs: ['lynx report $ARGUMENTS --json'] },
  quiz: { runs: ['lynx status $ARGUMENTS --json'], learner: ['lynx quiz $ARGUMENTS'] },
  break: { runs: ['lynx break $ARGUMENTS --json'] },
  derive: { runs: ['lynx derive $ARGUMENTS --json'] },
};
const AGENTS = ['journal-summarizer', 'math-reviewer', 'numerical-stability-checker', 'phase-gatekeeper'];

function frontMatter(text: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  return { meta: parse(m[1] ?? '') as Record<string, unknown>, body: m[2] ?? '' };
}

/** Claude Code's Bash(pattern) rule, as its permission docs describe the wildcard. */
function matches(rule: string, command: string): boolean {
  const m = /^Bash\((.*)\)$/.exec(rule);
  if (!m?.[1]) return false;
  const p = m[1];
  const esc = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const re = p.endsWith(' *') ? `^${esc(p.slice(0, -2))}( .*)?$` : `^${esc(p)}$`;
  return new RegExp(re).test(command);
}
const rules = (v: unknown): string[] =>
  String(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const codeSpans = (body: string): string[] => [...body.matchAll(/`(lynx [^`]+)`/g)].map((m) => m[1] ?? '');
/** A concrete invocation, as Claude Code substitutes $ARGUMENTS (and the agent its NN). */
const concrete = (c: string): string => c.replace(/\$ARGUMENTS/g, '07').replace(/\bNN\b/g, '07');

describe('lynx init --claude in a fresh repository', () => {
  const dir = gitRepo();
  let r: Run;
  let settings: {
    permissions: Record<'allow' | 'ask' | 'deny', string[]>;
    hooks: { Stop: { hooks: { type: string; command: string }[] }[] };
  };
  beforeAll(async () => {
    r = await lynxIn(['init', '--learner', 'borja', '--claude', '--json'], { cwd: dir });
    settings = JSON.parse(readFileSync(join(dir, '.claude/settings.json'), 'utf8')) as typeof settings;
  });
  const allowed = (cmd: string): 'allow' | 'ask' | 'deny' | 'none' => {
    // documented precedence: deny, then ask, then allow
    for (const list of ['deny', 'ask', 'allow'] as const)
      if (settings.permissions[list].some((x) => matches(x, cmd))) return list;
    return 'none';
  };

  it('writes the six commands, the four agents, CLAUDE.md and settings.json', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, '.claude/commands')).sort()).toEqual(
      Object.keys(COMMANDS)
        .map((c) => `${c}.md`)
        .sort(),
    );
    expect(readdirSync(join(dir, '.claude/agents')).sort()).toEqual(AGENTS.map((a) => `${a}.md`));
    expect(existsSync(join(dir, 'CLAUDE.md'))).toBe(true);
    expect(existsSync(join(dir, '.mcp.json'))).toBe(false);
    const actions = (JSON.parse(r.stdout) as { actions: { path: string; action: string }[] }).actions;
    expect(
      actions
        .filter((a) => a.path.startsWith('.claude/') || a.path === 'CLAUDE.md')
        .every((a) => a.action === 'created'),
    ).toBe(true);
  });

  for (const [name, want] of Object.entries(COMMANDS)) {
    it(
      `/${name}: front matter parses; its body runs ` +
        `${want.runs.join(', ')}; allowed-tools matches exactly ` +
        `that`,
      () => {
        const { meta, body } = frontMatter(readFileSync(join(dir, `.claude/commands/${name}.md`), 'utf8'));
        expect(Object.keys(meta).sort()).toEqual(['allowed-tools', 'argument-hint', 'description']);
        for (const k of ['description', 'argument-hint', 'allowed-tools'])
          expect(typeof meta[k] === 'string' && meta[k].length > 0, k).toBe(true);
        const tools = rules(meta['allowed-tools']);
        expect(
          tools.every((t) => /^Bash\(lynx [a-z-]+ \*\)$/.test(t)),
          'only lynx commands',
        ).toBe(true);
        const spans = codeSpans(body);
        for (const run of want.runs) {
          expect(spans).toContain(run);
          expect(
            tools.some((t) => matches(t, concrete(run))),
            `${run} is allowed`,
          ).toBe(true);
          expect(allowed(concrete(run))).toBe('allow');
        }
        // every lynx command the body shows is either one it runs or one for the learner's own terminal
        for (const s of spans) expect([...want.runs, ...(want.learner ?? [])], s).toContain(s);
        // and allowed-tools allows nothing else: no other lynx command, no other tool
        for (const other of Object.values(COMMANDS).flatMap((c) => c.runs))
          if (!want.runs.includes(other))
            expect(
              tools.some((t) => matches(t, concrete(other))),
              other,
            ).toBe(false);
      },
    );
  }

  it('what only the learner may do is denied or asked, whatever Bash(lynx *) allows', () => {
    expect(settings.permissions.allow).toContain('Bash(lynx *)');
    expect(allowed('lynx quiz 07')).toBe('deny');
    expect(allowed('lynx quiz 07 --answers - --json')).toBe('deny');
    expect(allowed('lynx review --grade q-00-01=good')).toBe('deny');
    expect(allowed('lynx phase-start 07 --approve')).toBe('ask');
    expect(allowed('lynx phase-start --approve 07 --json')).toBe('ask');
    expect(allowed('lynx attest 07 derive-backprop')).toBe('ask');
    expect(allowed('lynx waive 00 bandit-clean --reason x')).toBe('ask');
    expect(allowed('lynx phase-start 07 --json')).toBe('allow');
    // the curriculum's lists (L3178–3180)
    for (const c of ['just test', 'uv sync', 'pytest -q', 'git status']) expect(allowed(c), c).toBe('allow');
    for (const c of ['git commit -m x', 'git push origin main', 'gh repo create x', 'rm -rf build', 'mv a b'])
      expect(allowed(c), c).toBe('ask');
    expect(allowed('curl http://x')).toBe('none');
  });

  it('the agents: name = file name, a description, a tools list; the gatekeeper runs lynx gate NN --json', () => {
    for (const a of AGENTS) {
      const { meta, body } = frontMatter(readFileSync(join(dir, `.claude/agents/${a}.md`), 'utf8'));
      expect(meta.name).toBe(a);
      expect(typeof meta.description === 'string' && meta.description.length > 20).toBe(true);
      expect(rules(meta.tools).length).toBeGreaterThan(0);
      expect(rules(meta.tools)).not.toContain('Write');
      expect(rules(meta.tools)).not.toContain('Edit');
      if (a === 'phase-gatekeeper') {
        expect(codeSpans(body)).toContain('lynx gate NN --json');
        expect(allowed(concrete('lynx gate NN --json'))).toBe('allow');
      } else expect(codeSpans(body)).toEqual([]);
    }
  });

  it('the Stop hook is a command hook (no matcher) that runs lynx on the project dir', () => {
    expect(settings.hooks.Stop).toHaveLength(1);
    const h = settings.hooks.Stop[0]?.hooks[0];
    expect(h?.type).toBe('command');
    expect(h?.command).toBe('lynx -C "$CLAUDE_PROJECT_DIR" claude stop-hook');
  });

  it('every lynx command the files name exists (lynx <cmd> --help exits 0)', () => {
    const texts = [
      ...Object.keys(COMMANDS).map((c) => `.claude/commands/${c}.md`),
      ...AGENTS.map((a) => `.claude/agents/${a}.md`),
    ].map((f) => readFileSync(join(dir, f), 'utf8'));
    const named = new Set<string>();
    for (const t of texts) for (const s of codeSpans(t)) named.add(s.split(' ')[1] ?? '');
    named.add('claude stop-hook');
    expect([...named].sort()).toEqual([
      'break',
      'checkpoint',
      'claude stop-hook',
      'derive',
      'gate',
      'phase-start',
      'quiz',
      'report',
      'status',
    ]);
    for (const cmd of named) {
      const h = lynx([...cmd.split(' '), '--help'], { cwd: dir });
      expect(h.code, cmd).toBe(0);
      expect(h.stdout).toContain(`Usage: lynx ${cmd}`);
    }
  });
});

describe('lynx claude install on an existing workspace', () => {
  it('an edited command survives a second run; a deleted one comes back', async () => {
    const dir = workspace();
    expect(lynx(['claude', 'install'], { cwd: dir }).code).toBe(0);
    const mine = '---\ndescription: my own report\n---\nmine\n';
    write(dir, '.claude/commands/phase-report.md', mine);
    rmSync(join(dir, '.claude/commands/derive.md'));
    const again = await lynxIn(['claude', 'install', '--json'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const acts = (JSON.parse(again.stdout) as { actions: { path: string; action: string }[] }).actions;
    expect(acts.find((a) => a.path === '.claude/commands/phase-report.md')?.action).toBe('kept');
    expect(acts.find((a) => a.path === '.claude/commands/derive.md')?.action).toBe('created');
    expect(acts.filter((a) => a.action === 'created' || a.action === 'updated').map((a) => a.path)).toEqual([
      '.claude/commands/derive.md',
    ]);
    expect(readFileSync(join(dir, '.claude/commands/phase-report.md'), 'utf8')).toBe(mine);
    const plain = await lynxIn(['claude', 'install'], { cwd: dir });
    expect(plain.stdout).toContain(
      '! .claude/commands/phase-report.md  (kept: it differs from the template and may hold your edits)',
    );
  });

  it(
    "settings.json is merged: the learner's keys and rules stay, lynx's missing ones are added once, duplicates " +
      'go',
    async () => {
      const dir = workspace();
      const mine = {
        model: 'opus',
        permissions: {
          allow: ['Bash(make *)', 'Bash(make *)', 'Bash(just *)'],
          deny: ['Bash(curl *)'],
          defaultMode: 'default',
        },
        hooks: {
          PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './guard.sh' }] }],
          Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
        },
      };
      write(dir, '.claude/settings.json', JSON.stringify(mine));
      const r = await lynxIn(['claude', 'install', '--mcp', '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(readFileSync(join(dir, '.claude/settings.json'), 'utf8')) as typeof mine & {
        permissions: { ask: string[] };
        hooks: { Stop: unknown[] };
      };
      expect(s.model).toBe('opus');
      expect(s.permissions.defaultMode).toBe('default');
      expect(s.permissions.allow.slice(0, 2)).toEqual(['Bash(make *)', 'Bash(just *)']);
      expect(s.permissions.allow.filter((x) => x === 'Bash(just *)')).toHaveLength(1);
      expect(s.permissions.allow).toEqual(expect.arrayContaining(['Bash(lynx *)', 'Bash(uv *)', 'mcp__lynx']));
      expect(s.permissions.deny).toEqual(['Bash(curl *)', 'Bash(lynx quiz *)', 'Bash(lynx review *)']);
      expect(s.hooks.PreToolUse).toEqual(mine.hooks.PreToolUse);
      expect(s.hooks.Stop).toHaveLength(2);
      expect(JSON.parse(readFileSync(join(dir, '.mcp.json'), 'utf8'))).toEqual({
        mcpServers: { lynx: { command: 'lynx', args: ['-C', '${CLAUDE_PROJECT_DIR:-.}', 'mcp'] } },
      });
      const before = readFileSync(join(dir, '.claude/settings.json'), 'utf8');
      const again = await lynxIn(['claude', 'install', '--mcp', '--json'], { cwd: dir });
      const acts = (JSON.parse(again.stdout) as { actions: { path: string; action: string }[] }).actions;
      expect(acts.find((a) => a.path === '.claude/settings.json')?.action).toBe('unchanged');
      expect(acts.find((a) => a.path === '.mcp.json')?.action).toBe('unchanged');
      expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe(before);
    },
  );

  it('a .mcp.json with its own "lynx" server is kept; other servers stay', async () => {
    const dir = workspace();
    write(
      dir,
      '.mcp.json',
      JSON.stringify({
        mcpServers: { lynx: { command: 'node', args: ['/opt/lynx/bin/lynx.js', 'mcp'] }, other: { command: 'x' } },
      }),
    );
    const r = await lynxIn(['claude', 'install', '--mcp', '--json'], { cwd: dir });
    expect(
      (JSON.parse(r.stdout) as { actions: { path: string; action: string }[] }).actions.find(
        (a) => a.path === '.mcp.json',
      )?.action,
    ).toBe('kept');
    expect(
      (JSON.parse(readFileSync(join(dir, '.mcp.json'), 'utf8')) as { mcpServers: Record<string, unknown> }).mcpServers
        .other,
    ).toEqual({ command: 'x' });
  });

  it('an invalid settings.json is refused with its position (exit 2) and nothing is written', async () => {
    const dir = workspace();
    write(dir, '.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(x)",]\n  }\n}\n');
    const r = await lynxIn(['claude', 'install'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.claude\/settings\.json:\d+:\d+ invalid JSON/);
    expect(existsSync(join(dir, '.claude/commands'))).toBe(false);
    write(dir, '.claude/settings.json', JSON.stringify({ permissions: { allow: 'Bash(x)' } }));
    const b = await lynxIn(['claude', 'install'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('permissions.allow must be a list of rule strings');
    expect(existsSync(join(dir, '.claude/commands'))).toBe(false);
  });

  it('outside a workspace: exit 2, nothing written', async () => {
    const dir = gitRepo();
    const r = await lynxIn(['claude', 'install'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, '.claude'))).toBe(false);
    expect(lynx(['init', '--learner', 'borja', '--mcp'], { cwd: dir }).code).toBe(2);
  });
});

describe('lynx claude stop-hook (the Stop hook)', () => {
  const day = new Date().toISOString().slice(0, 10);
  const entries = (dir: string): string[] =>
    readFileSync(join(dir, `learners/borja/journal/${day}.md`), 'utf8')
      .split('\n')
      .filter((l) => l.includes('Claude Code session'));

  it('appends one stub per session and day, however often Claude stops', () => {
    const dir = workspace();
    for (let i = 0; i < 3; i++)
      expect(
        lynx(['claude', 'stop-hook'], {
          cwd: dir,
          input: JSON.stringify({ session_id: 'aaaa1111-2222', stop_hook_active: false }),
        }).code,
      ).toBe(0);
    expect(entries(dir)).toHaveLength(1);
    expect(entries(dir)[0]).toMatch(/^\d\d:\d\d — Claude Code session aaaa1111: \(stub\)/);
    expect(
      lynx(['claude', 'stop-hook', '--json'], { cwd: dir, input: JSON.stringify({ session_id: 'bbbb3333' }) }).stdout,
    ).toContain('"appended":true');
    expect(entries(dir)).toHaveLength(2);
    const active = lynx(['claude', 'stop-hook', '--json'], {
      cwd: dir,
      input: JSON.stringify({ session_id: 'cccc', stop_hook_active: true }),
    });
    expect(active.stdout).toContain('"appended":false');
    expect(entries(dir)).toHaveLength(2);
  });

  it('never exits 2 (that would block Claude from stopping): outside a workspace it exits 1', () => {
    const r = lynx(['claude', 'stop-hook'], { cwd: gitRepo(), input: '{}' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lynx claude stop-hook: not a lynx workspace');
  });
});

describe('phase 00 DoD item claude-config checks the files for content', () => {
  type Check = { id: string; title: string; status: string; children?: Check[] };
  const item = async (dir: string): Promise<Check> => {
    const r = await lynxIn(['checkpoint', '00', '--json'], { cwd: dir });
    const found = (JSON.parse(r.stdout) as { checks: Check[] }).checks.find((c) => c.id === 'claude-config');
    if (!found) throw new Error(r.stdout + r.stderr);
    return found;
  };
  const failing = (c: Check): string[] => (c.children ?? []).filter((x) => x.status !== 'pass').map((x) => x.title);

  it(
    'passes on what init --claude writes (but the ' +
      'attestation), fails on a one-line command that calls no ' +
      'lynx',
    async () => {
      const dir = gitRepo();
      expect(lynx(['init', '--learner', 'borja', '--claude'], { cwd: dir }).code).toBe(0);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'init --claude');
      expect(failing(await item(dir))).toEqual(['/phase-checkpoint resolves in a new Claude Code session.']);
      write(
        dir,
        '.claude/commands/phase-checkpoint.md',
        '---\ndescription: Mid-phase health check — no fixes, status only.\n---\n\nMid-phase health check.\n',
      );
      write(dir, '.claude/agents/phase-gatekeeper.md', '---\ndescription: adversarial\n---\nEnforces DoD.\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'hand-written');
      expect(failing(await item(dir))).toEqual([
        '/phase-checkpoint has a description and calls `lynx checkpoint`',
        'every subagent names itself in its front matter',
        'the phase-gatekeeper runs `lynx gate`',
        '/phase-checkpoint resolves in a new Claude Code session.',
      ]);
    },
  );
});
