/**
 * Build-time stand-in for node:child_process inside commander only (scripts/build.ts): commander
 * requires it at load for executable subcommands, which lynx does not use. Its one use is `spawn`;
 * this defers loading child_process (and net, stream, dgram) until something actually calls it.
 */
import { createRequire } from 'node:module';
import type * as cp from 'node:child_process';

const load = (): typeof cp => createRequire(import.meta.url)('node:child_process') as typeof cp;
export const spawn = ((...args: Parameters<typeof cp.spawn>) => load().spawn(...args)) as typeof cp.spawn;
