/**
 * Build: validate the bundled curriculum and quiz banks and compile them to JSON (dist/data/),
 * then bundle src/cli/main.ts with esbuild (code-split so each command's module loads lazily).
 * Bad data fails the build with file:line:col.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { loadDataSet, problemLine } from '../src/io/data-files.js';
import { summarize } from '../src/core/curriculum.js';
import { nn } from '../src/core/ids.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const dist = join(root, 'dist');
/**
 * Dependencies bundled into lynx's own chunks: the ones on start-up paths, and pure-ESM packages made
 * of many small modules, whose per-file resolution costs more than their code (measured).
 */
const BUNDLED = ['commander', 'chalk', 'tinyglobby', 'mustache', 'mdast-util-from-markdown', 'mdast-util-gfm-task-list-item', 'micromark-extension-gfm-task-list-item',
  // ink + react load only in the interactive commands, but from node_modules they cost ~300 ms of
  // resolution and CommonJS interop, past the quiz's first-frame budget (DESIGN §8: 4×)
  'ink', 'react'];
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
  for (const { phase } of data.phases) writeFileSync(join(out, 'phases', `phase-${nn(phase.id)}.json`), JSON.stringify(phase));
  for (const q of data.quizzes) writeFileSync(join(out, 'quizzes', q.name.replace(/\.ya?ml$/, '.json')), JSON.stringify(q.bank));
  writeFileSync(join(out, 'index.json'), JSON.stringify(data.phases.map((p) => summarize(p.phase, sha(p.phase)))));
  console.log(`data: ${data.phases.length} phases, ${data.quizzes.length} quiz banks → dist/data${data.selfTest ? `; checks self-test: ${data.selfTest.items} DoD items pass and fail` : ''}`);
}

/**
 * Keep Node internals off the start-up path (DESIGN §8, measured with process.moduleLoadList):
 * - commander requires node:child_process at load only for executable subcommands, which lynx
 *   does not use; a lazy proxy defers it (and net, stream, dgram) until something calls it.
 * - chalk's colour detection pulls node:tty and node:os; lynx sets the colour level itself
 *   (src/ui/theme.ts), so chalk gets its detection-free variant.
 */
const startupPlugin: Plugin = {
  name: 'lynx-startup',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${'/'}node_modules${'/'}commander${'/'}`) ? { path: 'lazy-child-process', namespace: 'lynx' } : undefined);
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'lynx' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_t, k) => require('node:child_process')[k] });",
      loader: 'js',
    }));
    // fdir require()s picomatch at load for its .glob() builder, which tinyglobby never calls
    // (it passes its own matchers as filters): five CommonJS files kept off the checkpoint path.
    b.onLoad({ filter: /fdir[\\/]dist[\\/]index\.mjs$/ }, (args) =>
      ({ contents: readFileSync(args.path, 'utf8').replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/, ''), loader: 'js' }));
    // ink renders only a last frame when is-in-ci says CI. lynx starts ink only on a TTY, where a
    // person (or CI's own terminal test, driving tmux) is watching: CI=true must not blank the quiz.
    b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: 'is-in-ci', namespace: 'lynx' }));
    b.onLoad({ filter: /^is-in-ci$/, namespace: 'lynx' }, () => ({
      contents: "import { env } from 'node:process';\n"
        + "const check = (key) => key in env && env[key] !== '0' && env[key] !== 'false';\n"
        + "const ci = check('CI') || check('CONTINUOUS_INTEGRATION');\n"
        + 'export default ci && process.stdout.isTTY !== true;\n',
      loader: 'js',
    }));
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: join(root, 'node_modules/chalk/source/vendor/supports-color/browser.js') }));
    // ink imports react-devtools-core only when DEV=true; it is not installed, and lynx never sets DEV
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'lynx' }));
    b.onLoad({ filter: /^react-devtools-core$/, namespace: 'lynx' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
    // yoga's wasm loader asks `typeof fetch`, which makes Node load undici (~30 ms, measured) only to
    // be told the wasm is inline base64 anyway; without fetch it instantiates the bytes directly
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) =>
      ({ contents: readFileSync(args.path, 'utf8').replace(/typeof fetch/g, '"undefined"'), loader: 'js' }));
  },
};

/**
 * Commands with a start-up budget (DESIGN §8) also get a standalone bundle in dist/fast/: one file
 * instead of the ~20 shared chunks the split build gives them (module count, not bytes, dominated
 * their start-up). The registry loads these when __LYNX_FAST__ is defined (this build only).
 */
const FAST = { status: 'src/cli/commands/status.ts', checkpoint: 'src/cli/commands/checkpoint.ts' };

/**
 * What a standalone command loads only sometimes (its dynamic imports) stays out of its file: each
 * becomes its own bundle in dist/lazy/ and the command imports it there, so the command's own file
 * holds exactly its static closure (no shared chunks, nothing it may never need).
 */
function lazyPackage(path: string, kind: string): string | undefined {
  return kind === 'dynamic-import' && BUNDLED.includes(path) ? `pkg__${path.replace(/[@/]/g, '_')}` : undefined;
}

const lazyPlugin: Plugin = {
  name: 'lynx-lazy',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = lazyPackage(args.path, args.kind);
      return name ? { path: `../lazy/${name}.js`, external: true, sideEffects: true } : undefined;
    });
    b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(join(root, 'src'))) return undefined;
      const abs = join(args.resolveDir, args.path).replace(/\.js$/, '');
      const rel = abs.slice(join(root, 'src').length + 1);
      return { path: `../lazy/${rel.replace(/[\\/]/g, '__')}.js`, external: true, sideEffects: true };
    });
  },
};

/** Every module some fast command imports dynamically, as dist/lazy/<path with __>.js. */
async function lazyEntries(): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const scan: Plugin = {
    name: 'lynx-lazy-scan',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = lazyPackage(args.path, args.kind);
        if (name) found[name] = args.path;
        return undefined;
      });
      b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        if (args.kind !== 'dynamic-import' || !args.importer.startsWith(join(root, 'src'))) return undefined;
        const abs = join(args.resolveDir, args.path).replace(/\.js$/, '');
        const rel = abs.slice(join(root, 'src').length + 1);
        const src = [`${abs}.ts`, `${abs}.tsx`, `${abs}.js`].find((f) => existsSync(f));
        if (src) found[rel.replace(/[\\/]/g, '__')] = src;
        return undefined;
      });
    },
  };
  let size = -1;
  // lazy modules may import others lazily: scan until the set stops growing
  while (Object.keys(found).length !== size) {
    size = Object.keys(found).length;
    await build({ ...common, entryPoints: [...Object.values(FAST).map((f) => join(root, f)), ...Object.values(found)], outdir: join(dist, 'scan'), write: false, splitting: true, plugins: [startupPlugin, scan] });
  }
  return found;
}

const common: BuildOptions = {
  bundle: true,
  // smaller files parse faster: the start-up budgets (DESIGN §8) are measured on this output
  minify: true,
  keepNames: true, // error classes report their name (UsageError …) in --json output
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  jsx: 'automatic',
  // react and react-reconciler pick their production builds (the development ones are 5× larger)
  define: { 'process.env.NODE_ENV': '"production"', __LYNX_FAST__: 'true' },
  sourcemap: 'linked',
  // Dependencies stay in node_modules and load lazily, except the few on every start-up path
  // (BUNDLED): bundling them saves module resolution and CommonJS interop (DESIGN §8 budgets).
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.includes(d)),
  // the bundled CommonJS (commander) calls require() for node builtins
  banner: { js: "import { createRequire as __lynxCreateRequire } from 'node:module'; const require = __lynxCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [startupPlugin],
};

async function bundle(): Promise<void> {
  rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  rmSync(join(dist, 'fast'), { recursive: true, force: true });
  rmSync(join(dist, 'lazy'), { recursive: true, force: true });
  const lazy = await lazyEntries();
  await build({ ...common, entryPoints: Object.fromEntries(Object.entries(FAST).map(([k, v]) => [k, join(root, v)])), outdir: join(dist, 'fast'), splitting: false, plugins: [startupPlugin, lazyPlugin] });
  await build({ ...common, entryPoints: lazy, outdir: join(dist, 'lazy'), splitting: false, plugins: [startupPlugin, lazyPlugin] });
  const r = await build({
    ...common,
    entryPoints: { cli: join(root, 'src/cli/main.ts') },
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    metafile: true,
  });
  writeFileSync(join(dist, 'meta.json'), JSON.stringify(r.metafile));
  console.log(`bundle: ${Object.keys(r.metafile.outputs).filter((f) => f.endsWith('.js')).length} files → dist/`);
}

await compileData();
await bundle();
