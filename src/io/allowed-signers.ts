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

/**
 * The principals whose keys may sign records (namespace lynx-record): a line restricted by
 * `namespaces="…"` to other namespaces is not a teacher's — that is how a learner's checkpoint key
 * (namespaces="lynx-checkpoint") sits in the same file without becoming a teacher. Pure.
 */
export function teacherPrincipals(text: string): Set<string> {
  const kept = text.split('\n').filter((raw) => {
    const m = /\bnamespaces="([^"]*)"/.exec(raw.trim().startsWith('#') ? '' : raw);
    return !m || (m[1] ?? '').split(',').some((n) => n.trim() === 'lynx-record');
  });
  return principals(kept.join('\n'));
}

/** The teachers named by the workspace's allowed-signers file; empty when none is configured. */
export function teachers(ws: Workspace): Set<string> {
  const file = ws.config.signing?.allowed_signers;
  const text = file ? readInside(ws.root, file) : undefined;
  return text === undefined ? new Set() : teacherPrincipals(text);
}
