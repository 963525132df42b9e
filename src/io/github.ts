/**
 * Writes the GitHub reporter's output (only when GITHUB_ACTIONS=true): the workflow commands go to
 * the stream given (the runner reads them line by line on stdout and stderr); the job summary is
 * appended to $GITHUB_STEP_SUMMARY when the runner names one.
 */
import { appendFileSync } from 'node:fs';
import type { GithubOutput } from '../core/results.js';

export const inGithubActions = (): boolean => process.env.GITHUB_ACTIONS === 'true';

export function writeGithub(o: GithubOutput, stream: NodeJS.WritableStream = process.stdout): void {
  for (const line of o.commands) stream.write(`${line}\n`);
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${o.summary}\n`);
}
