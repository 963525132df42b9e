/**
 * The quiz banks an attempt log was taken on (re-grading, issue 15): the current bank, and — when
 * an attempt names another hash and the bank is the workspace's own (lynx.yaml `quizzes:`) — every
 * committed version of its file, parsed as lynx parses it. A bundled bank of an older lynx is not
 * in the learner's history; the re-grade notes that rather than failing (core/regrade.ts).
 */
import type { QuizBank } from '../schemas/generated/types.js';
import { bankSha256 } from '../core/attempts.js';
import * as git from './git.js';
import { versionOids } from './git-versions.js';
import { parseYaml } from './yaml.js';
import type { Workspace } from './workspace.js';

export async function banksFor(
  ws: Workspace,
  bankFile: string | undefined,
  current: QuizBank | undefined,
  wanted: readonly string[],
): Promise<Map<string, QuizBank>> {
  const out = new Map<string, QuizBank>();
  if (current) out.set(bankSha256(current), current);
  const missing = wanted.filter((h) => !out.has(h));
  if (missing.length === 0 || !ws.config.quizzes || !bankFile) return out;
  const rel = `${ws.config.quizzes.replace(/\/$/, '')}/${bankFile}`;
  for (const v of await versionOids(ws.root, rel)) {
    try {
      const bank = (await parseYaml(await git.blobText(ws.root, v.oid), `${rel}@${v.sha.slice(0, 8)}`))
        .data as QuizBank;
      out.set(bankSha256(bank), bank);
    } catch {
      /* an unparseable old version is simply not a bank an attempt was taken on */
    }
    if (missing.every((h) => out.has(h))) break;
  }
  return out;
}
