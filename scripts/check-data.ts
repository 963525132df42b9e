/**
 * Development check of the bundled data: schema + cross-references, every problem with file:line:col.
 *   npx tsx scripts/check-data.ts            # everything
 *   npx tsx scripts/check-data.ts 07 12      # only problems in these phases' files
 */
import { join } from 'node:path';
import { loadDataSet, problemLine } from '../src/io/data-files.js';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2).map((a) => a.padStart(2, '0'));
const data = await loadDataSet(join(root, 'curriculum'), join(root, 'quizzes'), root);
const relevant = data.problems.filter((p) => only.length === 0 || only.some((n) => p.file.includes(`phase-${n}-`)));
for (const p of relevant) console.log(problemLine(p));
const items = data.quizzes.reduce((n, q) => n + q.bank.items.length, 0);
console.log(
  `${data.phases.length} phases, ${data.quizzes.length} quiz banks (${items} items), ${relevant.length} problem(s)`,
);
if (relevant.length > 0) process.exitCode = 2;
