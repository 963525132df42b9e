/** Registers the Claude Code integration: `lynx claude install`, its Stop hook, and `lynx mcp`. */
import { examples, jsonOption, type Register } from './shared.js';

export const registerClaude: Register = (program, act) => {
  const claude = program.command('claude')
    .description('Claude Code integration: slash commands, subagents, settings, MCP registration')
    .addHelpText('after', examples(['lynx claude install', 'lynx claude install --mcp']));

  claude.command('install')
    .description('write .claude/commands, .claude/agents and CLAUDE.md, merge .claude/settings.json (never overwrites your edits)')
    .option('--mcp', 'also register `lynx mcp` in .mcp.json (merged) and allow its read-only tools')
    .addOption(jsonOption())
    .addHelpText('after', examples(['lynx claude install', 'lynx claude install --mcp --json']))
    .action(act<{ mcp?: boolean }>(async (ctx, o) => (await import('../actions/claude.js')).claudeInstallCommand(ctx, o)));

  claude.command('stop-hook')
    .description('the Stop hook: append a journal stub once per Claude Code session (reads the hook JSON on stdin)')
    .addOption(jsonOption())
    .addHelpText('after', examples(['echo \'{"session_id":"abc123"}\' | lynx claude stop-hook']))
    .action(act<object>(async (ctx) => (await import('../actions/claude.js')).stopHookCommand(ctx)));

  program.command('mcp')
    .description('a Model Context Protocol server over stdio: lynx\'s read-only results as tools')
    .addHelpText('after', `${examples(['lynx mcp   # started by Claude Code from .mcp.json (lynx claude install --mcp)'])}
Tools: status, next, checkpoint (static), lab_list, lab_show, gate, manifest_diff, phase_dod, phase_plan.
Nothing writes; no quiz keys or model answers; paths must stay inside the workspace.
`)
    .action(act<object>(async (ctx) => (await import('../../mcp/server.js')).serveMcp(ctx)));
};
