/**
 * Optional attestation of a closed phase: the checkpoint's gate_digest signed with the learner's
 * SSH signing key (`ssh-keygen -Y sign`, namespace lynx-checkpoint), verified against an
 * allowed_signers file. The curriculum specifies no scheme (DIGEST §10.3); this is git's own.
 */
import { existsSync } from 'node:fs';
import { run } from './proc.js';
import { EnvError, InputError } from '../core/errors.js';
import { configValue } from './git.js';
import type { Workspace } from './workspace.js';

export const NAMESPACE = 'lynx-checkpoint';

export const gitConfig = (cwd: string, key: string): Promise<string | undefined> => configValue(cwd, key);

export async function signingKey(ws: Workspace): Promise<string | undefined> {
  if (!ws.config.signing?.enabled) return undefined;
  const key = ws.config.signing.key ?? (await gitConfig(ws.root, 'user.signingkey'));
  if (!key)
    throw new InputError('lynx.yaml enables signing but no key is set (signing.key, or git config user.signingkey)');
  const path = key.startsWith('~/') ? `${process.env.HOME ?? ''}${key.slice(1)}` : key;
  if (!existsSync(path)) throw new InputError(`signing key not found: ${key}`);
  return path;
}

export async function sign(ws: Workspace, digest: string): Promise<string | undefined> {
  const key = await signingKey(ws);
  if (!key) return undefined;
  const r = await run(['ssh-keygen', '-Y', 'sign', '-q', '-f', key, '-n', NAMESPACE], {
    cwd: ws.root,
    timeoutMs: 30_000,
    input: digest,
  });
  if (r.exitCode !== 0 || !r.output.includes('BEGIN SSH SIGNATURE'))
    throw new EnvError(`ssh-keygen -Y sign failed: ${r.output.trim().slice(0, 300)}`);
  return r.output.slice(r.output.indexOf('-----BEGIN SSH SIGNATURE-----')).trim();
}

/** Verify a signature over digest; principal and allowed_signers come from lynx.yaml / git config. */
export async function verify(
  ws: Workspace,
  digest: string,
  signature: string,
  tmpDir: string,
  namespace = NAMESPACE,
): Promise<{ ok: boolean; message: string; principal?: string }> {
  const allowed = ws.config.signing?.allowed_signers;
  if (!allowed)
    return {
      ok: false,
      message:
        `the ${namespace === NAMESPACE ? 'checkpoint' : 'record'} is signed but lynx.yaml names no ` +
        `signing.allowed_signers file to verify it`,
    };
  const { writeFileSync } = await import('node:fs');
  const sigFile = `${tmpDir}/${namespace}-${Math.random().toString(36).slice(2)}.sig`;
  writeFileSync(sigFile, `${signature}\n`);
  // who signed? the principal whose key made the signature, if allowed_signers lists it (for this namespace)
  const found = await run(
    ['ssh-keygen', '-Y', 'find-principals', '-f', ws.abs(allowed), '-n', namespace, '-s', sigFile],
    { cwd: ws.root, timeoutMs: 30_000 },
  );
  const principal = found.exitCode === 0 ? found.output.trim().split('\n')[0] : undefined;
  if (!principal)
    return { ok: false, message: `the signature was not made by a key ${allowed} lists for ${namespace}` };
  const r = await run(
    ['ssh-keygen', '-Y', 'verify', '-f', ws.abs(allowed), '-I', principal, '-n', namespace, '-s', sigFile],
    { cwd: ws.root, timeoutMs: 30_000, input: digest },
  );
  return { ok: r.exitCode === 0, message: r.output.trim().split('\n')[0] ?? '', principal };
}

/** The namespace of waiver, attestation and grade signatures: a checkpoint signature cannot be replayed as one. */
export const RECORD_NAMESPACE = 'lynx-record';

/**
 * The key that signs a record (attest/waive/grade --sign): --key, else git's user.signingkey, else
 * lynx.yaml signing.key. A teacher signs on their own machine, so their git config comes first.
 */
export async function recordKey(ws: Workspace, flag: string | undefined): Promise<string> {
  const key = flag ?? (await gitConfig(ws.root, 'user.signingkey')) ?? ws.config.signing?.key;
  if (!key)
    throw new InputError('--sign needs a key: --key FILE, git config user.signingkey, or lynx.yaml signing.key');
  const path = key.startsWith('~/') ? `${process.env.HOME ?? ''}${key.slice(1)}` : key;
  if (!existsSync(path)) throw new InputError(`signing key not found: ${key}`);
  return path;
}

/** Sign a record's canonical text with a key (namespace lynx-record); the armored signature. */
export async function signRecord(ws: Workspace, key: string, text: string): Promise<string> {
  const r = await run(['ssh-keygen', '-Y', 'sign', '-q', '-f', key, '-n', RECORD_NAMESPACE], {
    cwd: ws.root,
    timeoutMs: 30_000,
    input: text,
  });
  if (r.exitCode !== 0 || !r.output.includes('BEGIN SSH SIGNATURE'))
    throw new EnvError(`ssh-keygen -Y sign failed: ${r.output.trim().slice(0, 300)}`);
  return r.output.slice(r.output.indexOf('-----BEGIN SSH SIGNATURE-----')).trim();
}
