/**
 * `start` for an exact-edit break: find the learner's equivalent of each target (core/break/locate)
 * and, where it is anything but an exact match at the listed path, show the candidate — file,
 * lines, the diff lynx would apply — and apply it only once the learner confirms (a terminal
 * prompt, or --yes). Without a terminal and without --yes it refuses and shows the same candidate.
 */
import { unifiedDiff } from '../../core/break/diff.js';
import type { JournalFile } from '../../core/break/journal.js';
import { locate, type Located } from '../../core/break/locate.js';
import type { TargetPlan } from '../../core/break/model.js';
import type { LocatedTarget } from '../../core/break/results.js';
import { UsageError } from '../../core/errors.js';
import { readTarget, sha256Bytes } from '../../io/break-store.js';
import { trackedFiles } from '../../io/break-git.js';
import { breakCmd, type Session } from './session.js';

/** Asked before a located (non-exact or elsewhere) edit is applied; undefined = no terminal, no --yes. */
export type Confirm = (c: LocatedTarget) => Promise<boolean>;

const MAX_SEARCH_BYTES = 1024 * 1024;

export type Found =
  | { ok: true; files: { file: JournalFile; matches: { line: number; how: string }[]; located?: LocatedTarget }[] }
  | { ok: false; missing: string[] };

const describe = (l: Located): string =>
  l.where === 'listed'
    ? `${l.path} (${l.how} match)`
    : `${l.path}, the ${l.where === 'alternative' ? 'alternative path' : 'file in your tree'} that holds the ` +
      `anchor of ${l.listed} (${l.how} match)`;

export async function locateFiles(s: Session, plan: TargetPlan, confirm: Confirm | undefined): Promise<Found> {
  const tracked = await trackedFiles(s.ws.root);
  const cache = new Map<string, string | undefined>();
  const read = (rel: string): string | undefined => {
    if (!cache.has(rel)) {
      const cur = readTarget(s.ws.root, rel);
      const ok =
        cur &&
        cur.bytes.length <= MAX_SEARCH_BYTES &&
        Buffer.from(cur.bytes.toString('utf8'), 'utf8').equals(cur.bytes);
      cache.set(rel, ok ? cur.bytes.toString('utf8') : undefined);
    }
    return cache.get(rel);
  };
  const out: Extract<Found, { ok: true }>['files'] = [];
  const missing: string[] = [];
  for (const f of plan.files) {
    const r = locate(f, read, tracked);
    if (!r.ok && r.reason === 'none') {
      if (r.alreadyMutant.length > 0)
        throw new UsageError(
          `${r.alreadyMutant.join(', ')} already contains the break's mutant — was a broken version committed?`,
          { hint: 'Restore the original line(s) and commit, then start again.' },
        );
      missing.push(f.path);
      continue;
    }
    if (!r.ok) {
      throw new UsageError(
        `the break's edit for ${f.path} matches ${r.candidates.length} places — it must match exactly one`,
        {
          details: r.candidates.map((c) => `candidate at ${c.path}:${c.line} (${c.how} match)`),
          hint:
            `Make the edit by hand at the right place: \`${breakCmd(s, 'start')} --manual --file <path>\` ` +
            `journals the file so restore puts it back byte-for-byte.`,
        },
      );
    }
    const l = r.located;
    const cur = readTarget(s.ws.root, l.path);
    if (!cur) throw new UsageError(`${l.path} cannot be read`);
    const mutant = Buffer.from(l.mutant, 'utf8');
    const file: JournalFile = {
      path: l.path,
      mode: cur.mode,
      original_b64: cur.bytes.toString('base64'),
      original_sha256: cur.sha256,
      mutant_b64: mutant.toString('base64'),
      mutant_sha256: sha256Bytes(mutant),
    };
    let located: LocatedTarget | undefined;
    if (l.confirm) {
      located = {
        path: l.path,
        listed: l.listed,
        where: l.where,
        how: l.how,
        lines: l.matches.map((m) => m.line),
        diff: unifiedDiff(cur.bytes.toString('utf8'), l.mutant, {
          a: `${l.path} (yours)`,
          b: `${l.path} (with the break)`,
        }),
      };
      if (!confirm) {
        throw new UsageError(
          `found the break's anchor in ${describe(l)}, lines ${located.lines.join(', ')} — lynx applies it only ` +
            `after you confirm`,
          {
            details: located.diff.trimEnd().split('\n'),
            hint: `Run it in a terminal to be asked, or accept non-interactively: \`${breakCmd(s, 'start')} --yes\`.`,
          },
        );
      }
      if (!(await confirm(located)))
        throw new UsageError(`not applied: you declined the candidate in ${l.path}`, {
          hint: `Make the edit yourself instead: \`${breakCmd(s, 'start')} --manual --file <path>\`.`,
        });
    }
    out.push({ file, matches: l.matches, ...(located ? { located } : {}) });
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, files: out };
}
