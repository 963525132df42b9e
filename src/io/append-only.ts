/**
 * Append-only across git history, for any workspace file (the attempt log, the grade log): every
 * committed version must be a prefix of the text now. A version is a prefix exactly when the current bytes
 * cut to its size have its blob id, so git is asked only for ids and sizes (two processes whatever the
 * history), and only a version that is not a prefix is read, to name the changed line.
 *
 * Why not one `git log -p` pass (diffs proving each commit appended at the end): git inflates both sides
 * of every diff, 950 ms for 10k lines over 100 commits, against ~90 ms of hashing here (measured, issue 20).
 * The hashing is the floor — each version's id commits to all of its bytes — so when there is much of it,
 * half runs on a worker thread beside the main thread.
 */
import type * as Crypto from 'node:crypto';
import { historyProblems } from '../core/attempts.js';
import * as git from './git.js';

/** Below this many bytes to hash, a worker's start-up costs more than it saves. */
const WORKER_BYTES = 16 * 1024 * 1024;

export interface AppendOnlyOptions {
  /** Bytes to hash from which half goes to a worker thread (tests force both paths). */
  workerBytes?: number;
}

/**
 * Problems (file:line: …, naming the commit) when a committed version of `rel` is not a prefix of `text`;
 * `what` names the log in the message ("the attempt log", "the grade log").
 */
export async function appendOnlyProblems(
  root: string,
  rel: string,
  text: string,
  what = 'the attempt log',
  opts: AppendOnlyOptions = {},
): Promise<string[]> {
  const bytes = Buffer.from(text, 'utf8');
  const versions = await git.versionIds(root, rel);
  const fits = versions.filter((v) => v.size <= bytes.length);
  const ids = await prefixBlobIds(
    bytes,
    fits.map((v) => ({ size: v.size, sha256: v.oid.length === 64 })),
    opts.workerBytes ?? WORKER_BYTES,
  );
  const same = new Set(fits.filter((v, i) => ids[i] === v.oid).map((v) => v.sha));
  // a checkout with CRLF line ends (core.autocrlf) changes the bytes, not the lines: compared as LF
  const lf = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : undefined;
  let lfIds: Map<string, string> | undefined;
  for (const v of versions) {
    if (same.has(v.sha)) continue;
    if (lf !== undefined) {
      if (!lfIds) {
        const b = Buffer.from(lf, 'utf8');
        const rest = versions.filter((x) => !same.has(x.sha) && x.size <= b.length);
        const got = await prefixBlobIds(
          b,
          rest.map((x) => ({ size: x.size, sha256: x.oid.length === 64 })),
          opts.workerBytes ?? WORKER_BYTES,
        );
        lfIds = new Map(rest.map((x, i) => [x.sha, got[i] ?? '']));
      }
      if (lfIds.get(v.sha) === v.oid) continue;
    }
    const committed = (await git.blobText(root, v.oid)).replace(/\r\n/g, '\n');
    const problems = historyProblems(lf ?? text, [{ sha: v.sha, text: committed }], rel, what);
    if (problems.length > 0) return problems;
  }
  return [];
}

interface Job {
  size: number;
  sha256: boolean;
}

const blobId = (crypto: typeof Crypto, bytes: Uint8Array, j: Job): string =>
  crypto
    .createHash(j.sha256 ? 'sha256' : 'sha1')
    .update(`blob ${j.size}\0`)
    .update(bytes.subarray(0, j.size))
    .digest('hex');

// CommonJS, evaluated in the worker: the bundle ships no separate worker file
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const bytes = new Uint8Array(workerData.buf);
parentPort.postMessage(workerData.jobs.map((j) =>
  createHash(j.sha256 ? 'sha256' : 'sha1').update('blob ' + j.size + '\\0').update(bytes.subarray(0, j.size)).digest('hex')));
`;

/**
 * git's blob id of `bytes` cut to each size, in order. With more than `workerBytes` to hash, the jobs are
 * dealt into two halves of about equal bytes: one hashed on a worker thread, one here meanwhile. A worker
 * that cannot start or fails is not an answer: its half is hashed here.
 */
export async function prefixBlobIds(bytes: Uint8Array, jobs: readonly Job[], workerBytes: number): Promise<string[]> {
  const crypto = await import('node:crypto');
  const total = jobs.reduce((n, j) => n + j.size, 0);
  if (total <= workerBytes || jobs.length < 2) return jobs.map((j) => blobId(crypto, bytes, j));
  const order = jobs.map((j, i) => ({ j, i })).sort((a, b) => b.j.size - a.j.size);
  const mine: typeof order = [];
  const theirs: typeof order = [];
  let a = 0;
  let b = 0;
  for (const o of order) {
    if (a <= b) {
      theirs.push(o);
      a += o.j.size;
    } else {
      mine.push(o);
      b += o.j.size;
    }
  }
  const remote = hashOnWorker(
    bytes,
    theirs.map((o) => o.j),
  ).catch(() => undefined);
  const out: string[] = new Array<string>(jobs.length);
  for (const o of mine) out[o.i] = blobId(crypto, bytes, o.j);
  const got = await remote;
  theirs.forEach((o, k) => {
    out[o.i] = got?.[k] ?? blobId(crypto, bytes, o.j);
  });
  return out;
}

async function hashOnWorker(bytes: Uint8Array, jobs: Job[]): Promise<string[]> {
  const { Worker } = await import('node:worker_threads');
  const buf = new SharedArrayBuffer(Math.max(...jobs.map((j) => j.size)));
  new Uint8Array(buf).set(bytes.subarray(0, buf.byteLength));
  const w = new Worker(WORKER, { eval: true, workerData: { buf, jobs } });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      w.once('message', (ids: string[]) => resolve(ids));
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`hash worker exited ${code}`)));
    });
  } finally {
    void w.terminate();
  }
}
