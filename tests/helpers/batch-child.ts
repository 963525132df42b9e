/**
 * The child of tests/helpers/batch.ts: one node process that runs many `lynx ARGS` in process
 * (lynxIn, the real command registry), one case per stdin line `{"argv": [...], "cwd": "..."}`, and
 * answers each with one stdout line `\u0001{"code": …, "out": "…"}` (the marker sets it apart from
 * anything a command itself writes to the process's stdout).
 */
import { createInterface } from 'node:readline';
import { lynxIn } from './app.js';
import { HANG } from './batch.js';

for await (const line of createInterface({ input: process.stdin })) {
  const c = JSON.parse(line) as { argv: string[]; cwd: string };
  // the batch's own test of a hang (app-tier.test.ts): a case that never answers. A timeout shorter than a real
  // command was a race the command could win (a warm `manifest diff` answered within 1 ms on Node 24)
  if (c.argv[0] === HANG) await new Promise(() => undefined);
  const r = await lynxIn(c.argv, { cwd: c.cwd });
  process.stdout.write(`\u0001${JSON.stringify({ code: r.code, out: `${r.stdout}\n${r.stderr}` })}\n`);
}
