/** MCP tools take paths from a model: each must resolve (symlinks too) to a file inside the workspace. */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

const escapes = (root: string, abs: string): boolean => {
  const rel = relative(root, abs);
  return rel === '..' || rel.startsWith('../') || rel.startsWith('..\\') || isAbsolute(rel);
};

/** The workspace-relative form of `p` (relative to the root, or absolute), or a refusal naming it. */
export function insideWorkspace(root: string, p: string): string {
  const abs = resolve(root, p);
  const refuse = (): never => {
    throw new UsageError(`refused: ${p} is outside the workspace (${root})`, {
      hint: 'Paths are relative to the workspace root and stay inside it.',
    });
  };
  if (escapes(root, abs)) refuse();
  // a symlink inside the tree may still point out of it
  if (existsSync(abs) && escapes(realpathSync(root), realpathSync(abs))) refuse();
  return relative(root, abs);
}
