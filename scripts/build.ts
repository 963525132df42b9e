/**
 * Build: validate the bundled curriculum and quiz banks and compile them to JSON (dist/data/),
 * then bundle src/cli/main.ts with esbuild (code-split so each command's module loads lazily).
 * Bad data fails the build with file:line:col.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { loadDataSet, problemLine } from '../src/io/data-files.js';
import { summarize } from '../src/core/curriculum.js';
import { nn } from '../src/core/ids.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const dist = join(root, 'dist');
const sha = (o: unknown): string => createHash('sha256').update(JSON.stringify(o)).digest('hex');

async function compileData(): Promise<void> {
  const data = await loadDataSet(join(root, 'curriculum'), join(root, 'quizzes'), root);
  // --partial (development only, while data is being transcribed): warn and build what is valid.
  if (data.problems.length > 0 && process.argv.includes('--partial')) {
    console.warn(`build --partial: ignoring ${data.problems.length} data problem(s)`);
  } else if (data.problems.length > 0) {
    for (const p of data.problems) console.error(problemLine(p));
    console.error(`build: ${data.problems.length} problem(s) in the bundled curriculum`);
    process.exit(2);
  }
  const out = join(dist, 'data');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'phases'), { recursive: true });
  mkdirSync(join(out, 'quizzes'), { recursive: true });
  for (const { phase } of data.phases) writeFileSync(join(out, 'phases', `phase-${nn(phase.id)}.json`), JSON.stringify(phase));
  for (const q of data.quizzes) writeFileSync(join(out, 'quizzes', q.name.replace(/\.ya?ml$/, '.json')), JSON.stringify(q.bank));
  writeFileSync(join(out, 'index.json'), JSON.stringify(data.phases.map((p) => summarize(p.phase, sha(p.phase)))));
  console.log(`data: ${data.phases.length} phases, ${data.quizzes.length} quiz banks → dist/data`);
}

async function bundle(): Promise<void> {
  rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  const r = await build({
    entryPoints: { cli: join(root, 'src/cli/main.ts') },
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    jsx: 'automatic',
    sourcemap: 'linked',
    // Dependencies stay in node_modules and load lazily, except commander: it is on every start-up
    // path, and bundling it saves the CommonJS-from-ESM interop cost (measured: DESIGN §8 budgets).
    external: Object.keys(pkg.dependencies).filter((d) => d !== 'commander'),
    // the bundled CommonJS (commander) calls require() for node builtins
    banner: { js: "import { createRequire as __lynxCreateRequire } from 'node:module'; const require = __lynxCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: true,
  });
  writeFileSync(join(dist, 'meta.json'), JSON.stringify(r.metafile));
  console.log(`bundle: ${Object.keys(r.metafile.outputs).filter((f) => f.endsWith('.js')).length} files → dist/`);
}

await compileData();
await bundle();
