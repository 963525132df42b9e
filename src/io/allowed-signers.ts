/**
 * The teachers of a workspace: the principals of the allowed-signers file committed in the repository
 * (lynx.yaml signing.allowed_signers, the same file `ssh-keygen -Y verify` reads for checkpoints).
 * Format (ssh-keygen(1) ALLOWED SIGNERS): `principal[,principal…] [options] keytype key`, `#` comments.
 */
import { readInside } from './fsx.js';
import type { Workspace } from './workspace.js';

/** The principals listed in a file's text (pure, exported for tests). */
export function principals(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    for (const p of (line.split(/\s+/)[0] ?? '').split(',')) if (p !== '') out.add(p.replace(/^"|"$/g, ''));
  }
  return out;
}

/** The teachers named by the workspace's allowed-signers file; empty when none is configured. */
export function teachers(ws: Workspace): Set<string> {
  const file = ws.config.signing?.allowed_signers;
  const text = file ? readInside(ws.root, file) : undefined;
  return text === undefined ? new Set() : principals(text);
}
