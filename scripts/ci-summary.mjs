// Print the plain closing line CI reads ("tests: N passed, N failed, N skipped") from vitest JSON reports.
// Several reports (the suite, the Node 24 integration run, the pack tests) add up to one line; each
// is listed first so a failure can be traced to its run.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: ci-summary.mjs REPORT.json…');
  process.exit(2);
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const f of files) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  const n = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
  if (files.length > 1) console.log(`  ${basename(f)}: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += n[k];
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.failed > 0 || total.passed === 0) process.exitCode = 1;
