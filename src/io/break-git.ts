/**
 * What the break needs from git beyond src/io/git: the committed bytes of a file at HEAD (the
 * original a guided break journals after the learner has edited it) and the tracked files to
 * search for the learner's equivalent of a target. Bytes, not text: restore is byte-exact.
 */
import { execFile } from 'node:child_process';
import { EnvError } from '../core/errors.js';

function run(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' }, (err, stdout) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT')
        reject(new EnvError('git is not installed or not on PATH', { hint: 'Install git 2.x and retry.' }));
      else resolve({ ok: !err, stdout });
    });
  });
}

/** The file's bytes as committed at HEAD; undefined when HEAD does not have it. */
export async function headBytes(root: string, rel: string): Promise<Buffer | undefined> {
  const r = await run(root, ['show', `HEAD:${rel}`]);
  return r.ok ? r.stdout : undefined;
}

/** Tracked files (as git lists them, relative to the root). */
export async function trackedFiles(root: string): Promise<string[]> {
  const r = await run(root, ['ls-files', '-z']);
  return r.ok ? r.stdout.toString('utf8').split('\0').filter(Boolean) : [];
}

/** Tracked files whose working-tree bytes differ from HEAD (what the learner edited). */
export async function modifiedTracked(root: string): Promise<string[]> {
  const r = await run(root, ['diff', '--name-only', '-z', 'HEAD', '--']);
  return r.ok ? r.stdout.toString('utf8').split('\0').filter(Boolean) : [];
}
