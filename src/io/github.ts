/**
 * Writes the GitHub reporter's output (only when GITHUB_ACTIONS=true): the workflow commands go to
 * the stream given (the runner reads them line by line on stdout and stderr alike); the job summary
 * is appended to $GITHUB_STEP_SUMMARY when the runner names one. A summary that cannot be written
 * (unset, a directory that does not exist, read-only) is a warning on stderr, never a failure: the
 * gate's verdict is the exit code, the summary is a courtesy.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GithubOutput } from '../core/results.js';

export const inGithubActions = (): boolean => process.env.GITHUB_ACTIONS === 'true';

export function writeGithub(o: GithubOutput, stream: NodeJS.WritableStream = process.stdout): void {
  for (const line of o.commands) stream.write(`${line}\n`);
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    process.stderr.write('lynx: GITHUB_STEP_SUMMARY is not set: no job summary written\n');
    return;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${o.summary}\n`);
  } catch (e) {
    process.stderr.write(`lynx: cannot write the job summary to ${file}: ${(e as Error).message}\n`);
  }
}
