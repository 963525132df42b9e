/**
 * Merging lynx's entries into the learner's .claude/settings.json and .mcp.json. Pure: the caller
 * reads and writes. The learner's keys always survive; lynx only adds what is missing (permission
 * rules, its Stop hook, its MCP server), so a second run changes nothing.
 */
import { InputError } from './errors.js';

type Json = Record<string, unknown>;
export interface Merged {
  value: Json;
  added: string[];
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectAt(parent: Json, key: string, file: string, path: string): Json {
  const v = parent[key];
  if (v === undefined) return {};
  if (!isObject(v))
    throw new InputError(`${file}: ${path} must be an object — found ${JSON.stringify(v)}`, {
      pos: { file },
      hint: 'Fix the file by hand; nothing was written.',
    });
  return v;
}

function stringsAt(parent: Json, key: string, file: string, path: string): string[] {
  const v = parent[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new InputError(`${file}: ${path} must be a list of rule strings — found ${JSON.stringify(v)}`, {
      pos: { file },
      hint: 'Fix the file by hand; nothing was written.',
    });
  return v as string[];
}

/** The learner's rules in their order (duplicates dropped), then lynx's missing ones. */
function union(mine: string[], wanted: readonly string[], label: string, added: string[]): string[] {
  const out = [...new Set(mine)];
  for (const w of wanted)
    if (!out.includes(w)) {
      out.push(w);
      added.push(`${label} ${w}`);
    }
  return out;
}

type HookGroup = { matcher?: string; hooks: { type: string; command: string; timeout?: number }[] };

function commandsIn(groups: unknown[]): string[] {
  return groups.flatMap((g) =>
    (isObject(g) && Array.isArray(g.hooks) ? g.hooks : []).flatMap((h) =>
      isObject(h) && typeof h.command === 'string' ? [h.command] : [],
    ),
  );
}

export interface WantedSettings {
  permissions: { allow: string[]; ask: string[]; deny: string[] };
  hooks: Record<string, HookGroup[]>;
}

/** Merge lynx's settings into the learner's (parsed) settings.json; `current` undefined = no file. */
export function mergeSettings(current: unknown, wanted: WantedSettings, file = '.claude/settings.json'): Merged {
  if (current !== undefined && !isObject(current))
    throw new InputError(`${file}: expected a JSON object — found ${JSON.stringify(current)}`, { pos: { file } });
  const base: Json = { ...(current ?? {}) };
  const added: string[] = [];
  const perms = { ...objectAt(base, 'permissions', file, 'permissions') };
  for (const list of ['allow', 'ask', 'deny'] as const) {
    perms[list] = union(
      stringsAt(perms, list, file, `permissions.${list}`),
      wanted.permissions[list],
      `permissions.${list}`,
      added,
    );
  }
  base.permissions = perms;
  const hooks = { ...objectAt(base, 'hooks', file, 'hooks') };
  for (const [event, groups] of Object.entries(wanted.hooks)) {
    const have: unknown = hooks[event] ?? [];
    if (!Array.isArray(have))
      throw new InputError(`${file}: hooks.${event} must be a list — found ${JSON.stringify(have)}`, { pos: { file } });
    const list = have as unknown[];
    const present = commandsIn(list);
    const missing = groups.filter((g) => g.hooks.some((h) => !present.includes(h.command)));
    hooks[event] = [...list, ...missing];
    for (const g of missing) added.push(`hooks.${event} ${g.hooks.map((h) => h.command).join(', ')}`);
  }
  base.hooks = hooks;
  return { value: base, added };
}

/** Add lynx's server to .mcp.json's mcpServers unless a server of that name is already there. */
export function mergeMcp(current: unknown, name: string, server: Json, file = '.mcp.json'): Merged & { kept: boolean } {
  if (current !== undefined && !isObject(current))
    throw new InputError(`${file}: expected a JSON object — found ${JSON.stringify(current)}`, { pos: { file } });
  const base: Json = { ...(current ?? {}) };
  const servers = { ...objectAt(base, 'mcpServers', file, 'mcpServers') };
  if (servers[name] !== undefined) {
    // the learner's own entry for this name (another command, a wrapper) wins; say so
    return { value: base, added: [], kept: JSON.stringify(servers[name]) !== JSON.stringify(server) };
  }
  servers[name] = server;
  base.mcpServers = servers;
  return { value: base, added: [`mcpServers.${name}`], kept: false };
}
