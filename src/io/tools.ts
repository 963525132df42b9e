/**
 * External tools lynx relies on. `just` comes from PATH, else from the binary rust-just publishes
 * on npm for this platform (rust-just-<os>-<arch>, an optional dependency; Debian 12 has no just).
 * lynx depends on the platform package directly: rust-just's wrapper lists every platform's
 * package, and a registry that serves only some of them leaves `npm ci` unable to install.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { capture } from './proc.js';

export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

/** The native binary inside rust-just's platform package. */
export function bundledJust(): string | undefined {
  const arch = process.arch;
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = process.platform === 'win32' ? 'just.exe' : 'just';
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve(`rust-just-${os}-${arch}/package.json`);
    const bin = join(pkg, '..', 'bin', exe);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

export interface JustBinary {
  path: string;
  source: 'PATH' | 'rust-just';
}

/** LYNX_JUST overrides (tests, unusual installs); then PATH; then the bundled binary. */
export function findJust(): JustBinary | undefined {
  const override = process.env.LYNX_JUST;
  if (override) return { path: override, source: 'PATH' };
  const fromPath = onPath('just');
  // node_modules/.bin/just is rust-just's node wrapper; prefer the native binary behind it.
  if (fromPath && !fromPath.includes(`node_modules${'/'}.bin`)) return { path: fromPath, source: 'PATH' };
  const bundled = bundledJust();
  if (bundled) return { path: bundled, source: 'rust-just' };
  return fromPath ? { path: fromPath, source: 'PATH' } : undefined;
}

/**
 * What this machine offers for a command's `needs`: gpu (nvidia-smi), cuda (nvcc), perf and docker
 * (a client with a daemon socket) are probed; the network is assumed, since lynx cannot probe it
 * cheaply and a learner's machine has it; LYNX_HAVE="cloud,gpu" declares what cannot be probed.
 * The gate, lab runs and break observation all ask this one function.
 */
export function capabilities(): Set<string> {
  // asked once per phase a run verifies: `gate --all` searched PATH for four tools 42 times (issue 20)
  const key = `${process.env.PATH ?? ''}\0${process.env.LYNX_HAVE ?? ''}`;
  let have = probed.get(key);
  if (!have) {
    have = probeCapabilities();
    probed.set(key, have);
  }
  return new Set(have);
}

const probed = new Map<string, Set<string>>();

function probeCapabilities(): Set<string> {
  const have = new Set([
    'network',
    ...(process.env.LYNX_HAVE ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ]);
  if (onPath('nvidia-smi')) have.add('gpu');
  if (onPath('nvcc')) have.add('cuda');
  if (onPath('perf')) have.add('perf');
  if (onPath('docker') && existsSync('/var/run/docker.sock')) have.add('docker');
  return have;
}

export interface ToolInfo {
  name: string;
  found: boolean;
  path?: string;
  version?: string;
  source?: string;
  required: boolean;
  purpose: string;
}

async function probe(
  name: string,
  path: string | undefined,
  args: string[],
  cwd: string,
  required: boolean,
  purpose: string,
  source?: string,
): Promise<ToolInfo> {
  if (!path) return { name, found: false, required, purpose };
  const r = await capture([path, ...args], cwd).catch(() => ({ ok: false, stdout: '', exitCode: null }));
  const version = /(\d+\.\d+(?:\.\d+)?)/.exec(r.stdout)?.[1];
  return { name, found: r.ok, path, ...(version ? { version } : {}), ...(source ? { source } : {}), required, purpose };
}

export async function probeTools(cwd: string): Promise<ToolInfo[]> {
  const just = findJust();
  return Promise.all([
    probe('git', onPath('git'), ['--version'], cwd, true, 'history, provenance and the gate'),
    probe('just', just?.path, ['--version'], cwd, true, "the learner's recipes", just?.source),
    probe('python3', onPath('python3'), ['--version'], cwd, true, 'lab scripts'),
    probe('uv', onPath('uv'), ['--version'], cwd, false, "the curriculum's Python environments (uv run …)"),
  ]);
}

const shq = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * How to write `lynx` and `just` in a line the learner can paste into their shell: the bare names
 * when their shell finds them, else the paths lynx resolved (`node /…/bin/lynx.js`, the bundled just).
 */
export function pasteable(lynxBin: string): { lynx: string; just: string } {
  const just = findJust();
  return {
    lynx: onPath('lynx') ? 'lynx' : `node ${shq(lynxBin)}`,
    just: onPath('just') || !just ? 'just' : shq(just.path),
  };
}

/**
 * PATH for the recipes lynx runs: the directory of the just lynx uses first, so a recipe that calls
 * `just other` finds the same just (the bundled rust-just is on no one's PATH otherwise).
 */
export function recipePath(current: string | undefined): string | undefined {
  const just = findJust();
  if (!just || onPath('just') === just.path) return current;
  return [dirname(just.path), ...(current ? [current] : [])].join(delimiter);
}
