/**
 * lynx migrate --cohort: a single-learner workspace becomes a cohort (issue 17). The learner's plans,
 * reports and experiments move under learners/<name>/ with `git mv` (history follows), the lab pages
 * of the phases they opened are copied to their checklists, and lynx.yaml gets `layout: cohort`
 * (the yaml Document API keeps every comment and the file's order). Everything is STAGED, nothing is
 * committed: the commit is the learner's (their message, their signing key), and `git diff --cached`
 * shows exactly what moved. Refused (exit 2) on a dirty tree or a workspace already a cohort; a
 * failure half-way puts the tree back to HEAD (it was clean, so nothing of the learner's is lost).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrationMoves, type MigrateResult, type Move } from '../core/migrate.js';
import { UsageError } from '../core/errors.js';
import { phaseIndex } from '../io/curriculum.js';
import { readCheckpoint } from '../io/checkpoint.js';
import * as git from '../io/git.js';
import { writeAtomic } from '../io/fsx.js';
import { withLock } from '../io/lock.js';
import { CONFIG_FILE, openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';

/**
 * lynx.yaml with `layout: cohort`, byte-for-byte otherwise: the yaml Document API finds where the
 * key is (or the top-level line to add it after) and only that span of text changes, so comments and
 * their alignment stay (re-serialising the document would re-space every inline comment).
 */
async function cohortConfig(ws: Workspace): Promise<string> {
  // yaml is CommonJS bundled into a lynx chunk (scripts/build.ts): its exports are the namespace's default
  const ns = await import('yaml');
  const { parseDocument, isMap, isScalar } = (ns as unknown as { default?: typeof ns }).default ?? ns;
  const text = readFileSync(ws.abs(CONFIG_FILE), 'utf8');
  const doc = parseDocument(text);
  let out: string | undefined;
  if (isMap(doc.contents)) {
    const pairs = doc.contents.items;
    const layout = pairs.find((p) => isScalar(p.key) && p.key.value === 'layout');
    const after =
      pairs.find((p) => isScalar(p.key) && p.key.value === 'learner') ??
      pairs.find((p) => isScalar(p.key) && p.key.value === 'schema_version');
    if (layout && isScalar(layout.value) && layout.value.range) {
      const [start, end] = layout.value.range;
      out = `${text.slice(0, start)}cohort${text.slice(end)}`;
    } else if (!layout && after && isScalar(after.value) && after.value.range) {
      const eol = text.indexOf('\n', after.value.range[1]);
      out = eol < 0 ? `${text}\nlayout: cohort\n` : `${text.slice(0, eol + 1)}layout: cohort\n${text.slice(eol + 1)}`;
    }
  }
  // anything unusual (flow style, no anchor key): the Document API's own output, still with the comments
  if (out === undefined || parseDocument(out).get('layout') !== 'cohort') {
    doc.set('layout', 'cohort');
    out = doc.toString();
  }
  return out;
}

async function apply(ws: Workspace, moves: readonly Move[], config: string): Promise<void> {
  const byDir = new Map<string, string[]>();
  for (const m of moves.filter((x) => x.how === 'move'))
    byDir.set(dirname(m.to), [...(byDir.get(dirname(m.to)) ?? []), m.from]);
  try {
    for (const [dir, sources] of byDir) {
      mkdirSync(ws.abs(dir), { recursive: true });
      await git.moveInto(ws.root, sources, dir);
    }
    const copies = moves.filter((x) => x.how === 'copy');
    for (const c of copies) {
      mkdirSync(dirname(ws.abs(c.to)), { recursive: true });
      copyFileSync(ws.abs(c.from), ws.abs(c.to));
    }
    // the layout flips last: until lynx.yaml says cohort, every path still resolves to the old place
    await writeAtomic(ws.abs(CONFIG_FILE), config);
    await git.addPaths(ws.root, [...copies.map((c) => c.to), CONFIG_FILE]);
  } catch (err) {
    await git.resetHard(ws.root);
    throw err;
  }
}

export async function migrate(opts: {
  cwd: string;
  learner?: string | undefined;
  cohort: boolean;
  dryRun?: boolean;
}): Promise<MigrateResult> {
  if (!opts.cohort) throw new UsageError('say what to migrate to: lynx migrate --cohort');
  const ws = await openWorkspace(opts.cwd);
  if (ws.config.layout === 'cohort')
    throw new UsageError(`${CONFIG_FILE} already says layout: cohort — nothing to migrate`);
  const learner = resolveLearner(ws, opts.learner);
  return withLock(ws.root, 'lynx migrate --cohort', async () => {
    const dirty = await git.dirtyFiles(ws.root);
    if (dirty.length > 0)
      throw new UsageError(
        `the tree is not clean (${dirty.length} path(s): ${dirty.slice(0, 5).join(', ')}` +
          `${dirty.length > 5 ? ', …' : ''})`,
        { hint: 'Commit or stash first: migrate moves files with git mv and must be able to put everything back.' },
      );
    const index = await phaseIndex(ws);
    const opened = new Set(index.filter((p) => readCheckpoint(ws, learner, p.id) !== undefined).map((p) => p.id));
    const snap = await git.snapshot(ws.root);
    const moves = migrationMoves([...snap.tracked], learner, opened, ws.config.docs ?? 'docs');
    const taken = moves.filter((m) => existsSync(ws.abs(m.to)));
    if (taken.length > 0)
      throw new UsageError(`${taken[0]?.to ?? ''} already exists — migrate never overwrites`, {
        details: taken.slice(1, 6).map((m) => m.to),
        hint: 'Move or remove those files first.',
      });
    const config = await cohortConfig(ws);
    if (!opts.dryRun) await apply(ws, moves, config);
    const msg = `Move ${learner}'s plans, reports and experiments under learners/${learner}/ (lynx migrate --cohort)`;
    return {
      schema_version: 1,
      learner,
      dry_run: opts.dryRun === true,
      moves,
      config: CONFIG_FILE,
      committed: false,
      next: opts.dryRun ? ['lynx migrate --cohort'] : ['git status', `git commit -m "${msg}"`, 'lynx gate --all'],
    };
  });
}
