/**
 * Build: validate the bundled curriculum and quiz banks and compile them to JSON (dist/data/),
 * then bundle src/cli/main.ts with esbuild (code-split so each command's module loads lazily).
 * Bad data fails the build with file:line:col.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { loadDataSet, problemLine } from '../src/io/data-files.js';
import { summarize } from '../src/core/curriculum.js';
import { nn } from '../src/core/ids.js';
import { toCommonJs } from './build-commonjs.js';
import { packCommonJs } from './build-pack.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const dist = join(root, 'dist');
/**
 * Dependencies bundled into lynx's own chunks: the ones on start-up paths, and pure-ESM packages made
 * of many small modules, whose per-file resolution costs more than their code (measured).
 */
const BUNDLED = [
  'commander',
  'chalk',
  // tinyglobby is not: most runs never glob through it, and it loads on first use (src/io/globber.ts)
  'mustache',
  'mdast-util-from-markdown',
  'mdast-util-gfm-task-list-item',
  'micromark-extension-gfm-task-list-item',
  // ink + react load only in the interactive commands, but from node_modules they cost ~300 ms of
  // resolution and CommonJS interop, past the quiz's first-frame budget (DESIGN §8: 4×)
  'ink',
  'react',
  // yaml is ~80 CommonJS files: every run that parses lynx.yaml without a cache (each `gate` in CI, which
  // writes no cache) paid their resolution and compilation, ~9% of `gate --all` (issue 20, --cpu-prof)
  'yaml',
];
const sha = (o: unknown): string => createHash('sha256').update(JSON.stringify(o)).digest('hex');

async function compileData(): Promise<void> {
  // the data validation includes the checks self-test: a DoD check that cannot pass or cannot fail fails the build
  const data = await loadDataSet(join(root, 'curriculum'), join(root, 'quizzes'), root, { checks: true });
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
  for (const { phase } of data.phases)
    writeFileSync(join(out, 'phases', `phase-${nn(phase.id)}.json`), JSON.stringify(phase));
  for (const q of data.quizzes)
    writeFileSync(join(out, 'quizzes', q.name.replace(/\.ya?ml$/, '.json')), JSON.stringify(q.bank));
  writeFileSync(join(out, 'index.json'), JSON.stringify(data.phases.map((p) => summarize(p.phase, sha(p.phase)))));
  console.log(
    `data: ${data.phases.length} phases, ${data.quizzes.length} quiz banks → dist/data` +
      `${data.selfTest ? `; checks self-test: ${data.selfTest.items} DoD items pass and fail` : ''}`,
  );
}

/**
 * Keep Node internals off the start-up path (DESIGN §8, measured with process.moduleLoadList) and
 * replace two packages lynx must not run. Every stand-in is a real file in src/stubs/ (typechecked,
 * linted), resolved in place of the package, as gemini-cli does for is-in-ci; no dependency source
 * is rewritten, so an upgrade cannot make a patch stop matching silently.
 * - commander requires node:child_process at load only for executable subcommands (unused here).
 * - chalk's colour detection pulls node:tty and node:os; lynx sets the colour level itself
 *   (src/ui/theme.ts), so chalk gets its detection-free variant.
 * - is-in-ci (ink) and react-devtools-core (ink, DEV only): see the stub files.
 * - Intl.Segmenter (string-width, slice-ansi, ansi-tokenize): plain text segmented without ICU (its stub file).
 */
const stub = (name: string): string => join(root, 'src', 'stubs', `${name}.ts`);
const startupPlugin: Plugin = {
  name: 'lynx-startup',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${'/'}node_modules${'/'}commander${'/'}`)
        ? { path: stub('commander-child-process') }
        : undefined,
    );
    b.onResolve({ filter: /^#supports-color$/ }, () => ({
      path: join(root, 'node_modules/chalk/source/vendor/supports-color/browser.js'),
    }));
  },
};

async function bundle(): Promise<void> {
  for (const d of ['chunks', 'fast', 'lazy', 'cli.js', 'cli.js.map', 'esm-import.js', 'island-deps.js', 'package.json'])
    rmSync(join(dist, d), { recursive: true, force: true });
  // One code-split build: every module is in exactly one file (tests/unit/build.test.ts checks the
  // metafile), so module state and `instanceof` need no cross-bundle care.
  const r = await build({
    bundle: true,
    // smaller files parse faster: the start-up budgets (DESIGN §8) are measured on this output
    minify: true,
    keepNames: true, // error classes report their name (UsageError …) in --json output
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    jsx: 'automatic',
    // react and react-reconciler pick their production builds (the development ones are 5× larger)
    // Intl.Segmenter: a stand-in that needs no ICU break iterator for plain text (src/stubs/intl-segmenter.ts)
    define: { 'process.env.NODE_ENV': '"production"', 'Intl.Segmenter': 'LynxSegmenter' },
    inject: [stub('intl-segmenter')],
    // no source maps: the CommonJS conversion below moves every position (LYNX_DEBUG=1 names the function)
    // Dependencies stay in node_modules and load lazily, except the few on start-up paths
    // (BUNDLED): bundling them saves module resolution and CommonJS interop (DESIGN §8 budgets).
    external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.includes(d)),
    alias: {
      'is-in-ci': stub('is-in-ci'),
      'react-devtools-core': stub('react-devtools-core'),
      'yoga-layout': stub('yoga-layout'),
    },
    logLevel: 'warning',
    plugins: [startupPlugin],
    entryPoints: { cli: join(root, 'src/cli/main.ts'), 'island-deps': join(root, 'scripts/island-deps.mjs') },
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    metafile: true,
  });
  writeFileSync(join(dist, 'meta.json'), JSON.stringify(r.metafile));
  const cjs = await toCommonJs(root, r.metafile);
  // the build-only entry's own file re-exports chunks nothing else imports: only its chunks are shipped
  rmSync(join(dist, 'island-deps.js'));
  const cjsFiles = cjs.commonjs.filter((f) => f !== 'island-deps.js');
  const pack = packCommonJs(dist, r.metafile, cjsFiles, cjs.esm);
  console.log(
    `bundle: ${pack.modules} CommonJS modules in ${pack.packs.length} packs (dist/packs.json) and ` +
      `${cjs.esm.length} ESM files (top-level await) → dist/`,
  );
}

await compileData();
await bundle();
