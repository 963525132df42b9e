/**
 * The JSON reporter: one document on stdout, the shape each command's schema names. Most results
 * are their own JSON; the few that wrap or pick are listed here, once.
 */
import type { ResultKind, ResultKinds } from '../../core/exit-codes.js';

const shape: { [K in ResultKind]?: (r: ResultKinds[K]) => unknown } = {
  gate: (r) => (r.all ? r.results : r.results[0]),
  report: (r) => ({ ...r.gate, written: r.written }),
  checkpoint: (r) => r.gate,
  'lab-peeked': (r) => ({ peeked: r }),
  init: (r) => ({ schema_version: 1, root: r.root, learner: r.learner, actions: r.actions }),
  break: (r) => ({ schema_version: 1, ...r.result }),
};

export function json<K extends ResultKind>(kind: K, result: ResultKinds[K]): string {
  const pick = shape[kind] as ((r: ResultKinds[K]) => unknown) | undefined;
  return JSON.stringify(pick ? pick(result) : result, null, 2);
}
