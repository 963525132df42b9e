/**
 * lynx claude install (and `lynx init --claude`): the Claude Code side of the ritual. Writes the six
 * slash commands, the four subagents and CLAUDE.md from templates/claude/ with the plan's rule
 * (missing → created, identical → unchanged, different → kept: the learner's edit wins), and merges
 * lynx's permission rules and Stop hook into .claude/settings.json (and, with `mcp`, lynx's MCP
 * server into .mcp.json) without dropping a key of the learner's.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mergeMcp, mergeSettings, type WantedSettings } from '../core/claude-settings.js';
import { writeAtomic } from '../io/fsx.js';
import { withLock } from '../io/lock.js';
import { packageRoot } from '../io/pkg.js';
import { ensureFile, type Action } from '../io/scaffold.js';
import { findRoot } from '../io/workspace.js';
import type { ClaudeInstallResult } from '../core/claude-results.js';
import { loadJsonFile } from '../io/yaml.js';

export type { ClaudeInstallResult } from '../core/claude-results.js';

/** The server entry: Claude Code expands ${VAR:-default} in .mcp.json args, so the server runs at the project root. */
export const MCP_SERVER = { command: 'lynx', args: ['-C', '${CLAUDE_PROJECT_DIR:-.}', 'mcp'] };
/** One rule that lets Claude call every tool of lynx's MCP server (they are all read-only). */
export const MCP_RULE = 'mcp__lynx';

export const templateDir = (): string => join(packageRoot(), 'templates', 'claude');

export function wantedSettings(mcp: boolean): WantedSettings {
  const w = JSON.parse(readFileSync(join(templateDir(), 'settings.json'), 'utf8')) as WantedSettings;
  if (mcp) w.permissions.allow.push(MCP_RULE);
  return w;
}

type Pending = { rel: string; exists: boolean; merged: { value: unknown; added: string[]; kept?: boolean } };

/** Read and merge first: an unreadable or invalid file stops here (file:line:col, exit 2) before anything is written. */
function planJson(root: string, rel: string, merge: (current: unknown) => Pending['merged']): Pending {
  const abs = join(root, rel);
  const exists = existsSync(abs);
  return { rel, exists, merged: merge(exists ? loadJsonFile(abs, rel).data : undefined) };
}

async function writeJson(root: string, p: Pending): Promise<Action & { added?: string[] }> {
  if (p.merged.added.length === 0) return { path: p.rel, action: p.merged.kept ? 'kept' : 'unchanged' };
  await writeAtomic(join(root, p.rel), `${JSON.stringify(p.merged.value, null, 2)}\n`);
  return { path: p.rel, action: p.exists ? 'updated' : 'created', added: p.merged.added };
}

export async function claudeInstall(opts: { cwd: string; mcp?: boolean }): Promise<ClaudeInstallResult> {
  const root = findRoot(opts.cwd);
  const mcp = opts.mcp === true;
  return withLock(root, 'lynx claude install', async () => {
    const json = [planJson(root, '.claude/settings.json', (cur) => mergeSettings(cur, wantedSettings(mcp)))];
    if (mcp) json.push(planJson(root, '.mcp.json', (cur) => mergeMcp(cur, 'lynx', MCP_SERVER)));
    const actions: ClaudeInstallResult['actions'] = [];
    const tpl = templateDir();
    for (const dir of ['commands', 'agents']) {
      for (const f of readdirSync(join(tpl, dir)).filter((x) => x.endsWith('.md')).sort()) {
        actions.push(await ensureFile(root, `.claude/${dir}/${f}`, readFileSync(join(tpl, dir, f), 'utf8')));
      }
    }
    actions.push(await ensureFile(root, 'CLAUDE.md', readFileSync(join(tpl, 'CLAUDE.md'), 'utf8')));
    for (const p of json) actions.push(await writeJson(root, p));
    return { schema_version: 1, root, actions, mcp };
  });
}
