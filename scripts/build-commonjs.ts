/**
 * The second half of the build: esbuild's code-split ESM output, turned into CommonJS file by file.
 *
 * Why: on Node 20 (this project's floor) the ESM loader costs ~10 ms before the first line of lynx runs
 * (it loads fs/promises, readline and the streams to read each file asynchronously) plus ~0.7 ms per file,
 * and only CommonJS can use V8's code cache there (bin/compile-cache.js); together they were most of the
 * start-up budgets of DESIGN §8 (measured: `status` 80 → 50 ms over `node -e ''`). esbuild splits only in
 * ESM, so the split is made in ESM and each output file converted, keeping one file per module (the
 * metafile still says which) and the import graph as it was.
 *
 * What stays ESM: a chunk with top-level await (ink and yoga-layout use it: CommonJS cannot express it)
 * and every chunk that imports one statically — the interactive screens, loaded only by `import()`.
 * Those keep the `.mjs` extension (dist/package.json makes `.js` CommonJS), and the CommonJS files reach
 * them, and the ESM-only packages (execa), through dist/esm-import.js: code compiled with a code cache
 * (vm.Script) cannot call `import()` on Node 20.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { transform, type Metafile } from 'esbuild';
import { init as lexerReady, parse as parseModule } from 'es-module-lexer';

/** The banner the ESM files need: bundled CommonJS (commander, react) calls require() for builtins. */
export const ESM_BANNER =
  "import { createRequire as __lynxCreateRequire } from 'node:module'; const require = " +
  '__lynxCreateRequire(import.meta.url);';

/** Loaded natively (never through the code cache), so its import() works on every Node. */
export const ESM_IMPORT = 'esm-import.js';
const ESM_IMPORT_SOURCE =
  "'use strict';\n" +
  '// import() for the CommonJS files of dist/: ESM-only packages (execa) and the ESM screens (ink).\n' +
  '// It must not go through bin/compile-cache.js: vm.Script code cannot call import() on Node 20.\n' +
  'module.exports = (specifier) => import(specifier);\n';

const hasTopLevelAwait = async (code: string): Promise<boolean> => {
  try {
    await transform(code, { format: 'cjs', loader: 'js', platform: 'node', target: 'node20.19' });
    return false;
  } catch (err) {
    if (/Top-level await/.test(String(err))) return true;
    throw err;
  }
};

/**
 * An ESM file's static imports of lynx's CommonJS files, as require() (the banner's createRequire): an `import`
 * of a CommonJS file makes Node run cjs-module-lexer over its whole source to learn the export names (28 ms for
 * the screens' dependencies, profiled) and never uses the code cache's copy. The bindings are the same: Node
 * gives an ESM importer a CommonJS module's exports as they were when it finished running, as this does. The
 * file's imports come first, so a require() in an import's place runs before any of the module's own code;
 * CommonJS files import no ESM, so the order among them and the ESM imports (still hoisted) cannot matter.
 * An import clause of another shape fails the build, naming the file.
 */
async function requireCommonJs(text: string, file: string): Promise<string> {
  await lexerReady;
  const [imports] = parseModule(text);
  let out = text;
  for (const im of [...imports].reverse()) {
    const spec = im.n;
    if (im.d !== -1 || spec === undefined || !spec.startsWith('./') || !spec.endsWith('.js')) continue;
    const stmt = text.slice(im.ss, im.se);
    const m = /^import\s*(?:(\{[^}]*\})\s*from\s*)?["'][^"']+["'];?$/.exec(stmt);
    if (!m) throw new Error(`build: ${file}: cannot turn \`${stmt.slice(0, 80)}\` into a require()`);
    const names = (m[1] ?? '')
      .slice(1, -1)
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => n.replace(/^(\S+)\s+as\s+(\S+)$/, '$1:$2'));
    const call = `require(${JSON.stringify(spec)})`;
    out = `${out.slice(0, im.ss)}${m[1] === undefined ? `${call};` : `const{${names.join(',')}}=${call};`}${out.slice(im.se)}`;
  }
  return out;
}

export interface CommonJsResult {
  /** The CommonJS files, relative to dist/ (cli.js, chunks/…). */
  commonjs: string[];
  esm: string[];
}

/** Convert dist/ in place. `meta` is esbuild's metafile of the ESM build (paths like `dist/cli.js`). */
export async function toCommonJs(root: string, meta: Metafile): Promise<CommonJsResult> {
  const outs = Object.keys(meta.outputs).filter((f) => f.endsWith('.js'));
  const abs = (f: string): string => join(root, f);
  const code = new Map(outs.map((f) => [f, readFileSync(abs(f), 'utf8')]));
  const esm = new Set<string>();
  for (const f of outs) if (await hasTopLevelAwait(code.get(f) ?? '')) esm.add(f);
  // a module that statically imports an async one is async too: it must stay ESM
  for (let grew = true; grew;) {
    grew = false;
    for (const f of outs) {
      if (esm.has(f)) continue;
      const imports = meta.outputs[f]?.imports ?? [];
      if (imports.some((i) => i.kind === 'import-statement' && !i.external && esm.has(i.path))) {
        esm.add(f);
        grew = true;
      }
    }
  }
  const renamed = (f: string): string => (esm.has(f) ? f.replace(/\.js$/, '.mjs') : f);
  const spec = (from: string, to: string): string => `./${relative(dirname(from), to)}`;
  for (const f of outs) {
    let text = code.get(f) ?? '';
    for (const i of meta.outputs[f]?.imports ?? []) {
      if (i.external) {
        // an ESM-only package, imported dynamically: through esm-import.js (see the header). A builtin stays
        // require() (esbuild's transform makes it a resolved promise): a real import() starts the ESM loader
        // (~10 ms) and resolves only after event-loop turns, which held back `git status` until a checkpoint
        // had read all its 5,000 manifests (issue 20)
        if (i.kind === 'dynamic-import' && !esm.has(f) && !isBuiltin(i.path))
          text = text.split(`import("${i.path}")`).join(`__lynxImport("${i.path}")`);
        continue;
      }
      if (!esm.has(i.path)) continue;
      if (i.kind === 'dynamic-import' && !esm.has(f)) {
        const target = relative(join(root, 'dist'), abs(renamed(i.path)));
        text = text.split(`import("${spec(f, i.path)}")`).join(`__lynxImport(__lynxDist+"/${target}")`);
      } else text = text.split(`"${spec(f, i.path)}"`).join(`"${spec(f, renamed(i.path))}"`);
    }
    if (esm.has(f)) {
      rmSync(abs(f));
      writeFileSync(abs(renamed(f)), `${ESM_BANNER}\n${await requireCommonJs(text, f)}`);
      continue;
    }
    const uses = (s: string): boolean => text.includes(s);
    const toDist = relative(dirname(abs(f)), join(root, 'dist')) || '.';
    const banner = [
      uses('import.meta.url') ? 'var __lynxUrl=require("node:url").pathToFileURL(__filename).href;' : '',
      uses('__lynxImport(') ? `var __lynxImport=require("${toDist}/${ESM_IMPORT}");` : '',
      uses('__lynxDist') ? `var __lynxDist=require("node:path").join(__dirname,"${toDist}");` : '',
    ].join('');
    const out = await transform(text, {
      format: 'cjs',
      loader: 'js',
      platform: 'node',
      target: 'node20.19',
      minify: true,
      keepNames: true,
      // static and dynamic imports of CommonJS files become require(); the others are __lynxImport by now
      supported: { 'dynamic-import': false },
      define: { 'import.meta.url': '__lynxUrl' },
      banner,
    });
    writeFileSync(abs(f), out.code);
  }
  writeFileSync(join(root, 'dist', ESM_IMPORT), ESM_IMPORT_SOURCE);
  // `.js` under dist/ is CommonJS (the package itself stays "type": "module" for its sources and scripts)
  writeFileSync(join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');
  const rel = (f: string): string => relative(join(root, 'dist'), abs(f));
  return { commonjs: outs.filter((f) => !esm.has(f)).map(rel), esm: [...esm].map((f) => rel(renamed(f))) };
}
