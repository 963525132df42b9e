/** Are the predictions written and committed? (git evidence: tracked at HEAD, unchanged since.) */
import { CAPS, readRegularText } from '../../io/fsx.js';
import {
  isYamlEntry,
  markdownWritten,
  predictionsTemplate,
  yamlBlocks,
  yamlEntryWritten,
  type Written,
} from '../../core/break/predictions.js';
import type { PredictionsCheck } from '../../core/break/results.js';
import * as git from '../../io/git.js';
import type { Session } from './session.js';

export async function checkPredictions(s: Session): Promise<PredictionsCheck> {
  const path = s.predictions;
  const format = isYamlEntry(s.brk) ? 'yaml-entry' : 'markdown';
  const abs = s.ws.abs(path);
  // a regular file inside the workspace, capped, strict UTF-8: a FIFO, a 50 MB line or a dangling link is exit 2
  const text = readRegularText(abs, { display: path, cap: CAPS.text, root: s.ws.root, optional: true });
  if (text === undefined)
    return {
      path,
      format,
      exists: false,
      written: { ok: false, words: 0, reason: 'the file does not exist' },
      committed: false,
    };
  let written: Written;
  if (format === 'yaml-entry') {
    const { parseYaml } = await import('../../io/yaml.js');
    const entries: unknown[] = [];
    for (const block of yamlBlocks(text)) {
      // Leading newlines keep the parser's line numbers those of breaks.md itself.
      const loaded = await parseYaml(`${'\n'.repeat(block.line - 1)}${block.text}`, path);
      if (Array.isArray(loaded.data)) entries.push(...(loaded.data as unknown[]));
      else if (loaded.data !== null && loaded.data !== undefined) entries.push(loaded.data);
    }
    written =
      text === predictionsTemplate(s.phase.id, s.brk)
        ? { ok: false, words: 0, reason: 'the file is still the untouched template' }
        : yamlEntryWritten(entries, s.brk);
  } else {
    written = markdownWritten(text, predictionsTemplate(s.phase.id, s.brk));
  }
  const committed = await git.isCommitted(s.ws.root, path);
  const last = committed ? await git.lastCommit(s.ws.root, path) : undefined;
  return {
    path,
    format,
    exists: true,
    written,
    committed,
    ...(last ? { commit: { sha: last.sha, at: new Date(last.time * 1000).toISOString() } } : {}),
  };
}

/** What the learner still has to do before `start`, or undefined when the predictions are ready. */
export function predictionsBlocker(p: PredictionsCheck): string | undefined {
  if (!p.exists) return `write your predictions in ${p.path} and commit them`;
  if (!p.written.ok) return `${p.path}: ${p.written.reason} — write your predictions there and commit them`;
  if (!p.committed)
    return (
      `${p.path} is not committed (or has uncommitted changes) — commit it: the prediction must be on record ` +
      `before the break runs`
    );
  return undefined;
}
