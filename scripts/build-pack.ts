/**
 * The third step of the build: the CommonJS files of dist/ (scripts/build-commonjs.ts) packed into a few files,
 * each module a factory that runs at its first require.
 *
 * Why: esbuild's split gives ~200 small files and a command loaded 40–50 of them. Each file costs Node a
 * resolution, a package-scope lookup, two reads and a compilation unit (profiled on `status`: ~10 ms of its
 * ~25 over `node -e ''`). One file for everything was measured too: it costs `--help` 6 ms, since bytes are not
 * free either (1.5 MB read and checked on every start).
 *
 * So the packs follow the loading, as webpack's chunk graph does: the entry's pack (dist/cli.js) holds what the
 * entry loads statically; each file that something loads on demand becomes the pack of what that load needs,
 * less what every path to it has loaded already. A module can sit in two packs (two commands that share it);
 * the table keeps the first definition it sees, so it still runs once per process.
 *
 * What stays as it was: a module per output chunk, run once, when its importer first requires it, with its own
 * chunk's __filename and __dirname (the paths derived from them, dist/data and the ESM screens, are unchanged).
 * The ESM screens (top-level await) stay files and require their CommonJS imports from a pack of their own.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Metafile } from 'esbuild';

/** The module table, in dist/cli.js; every other pack reaches it by require("../cli.js"). */
const RUNTIME =
  'var __lynxF=Object.create(null),__lynxM=Object.create(null),__lynxP=require("node:path"),__lynxD=__dirname;' +
  'function __lynxGet(id){var m=__lynxM[id];if(m)return m.exports;var f=__lynxF[id];' +
  'if(!f)throw new Error("lynx: module "+id+" is in none of the packs loaded (rebuild: npm run build)");' +
  'm=__lynxM[id]={exports:{}};var file=__lynxP.join(__lynxD,id);' +
  'f.call(m.exports,m.exports,require,m,file,__lynxP.dirname(file));return m.exports}' +
  // a pack's file is the on-demand chunk's own name: load it unless a loaded pack defined that module already
  'function __lynxLoad(id){if(!(id in __lynxF))require(__lynxP.join(__lynxD,id));return __lynxGet(id)}' +
  'function __lynxDef(id,f){if(!(id in __lynxF))__lynxF[id]=f}' +
  'var __lynxR={get:__lynxGet,load:__lynxLoad,def:__lynxDef,main:function(){return __lynxGet("cli.js")}};' +
  'module.exports=__lynxR;';

/**
 * esbuild escapes non-ASCII text except in regular-expression literals (`[^—]*— `); one such character makes V8
 * hold a whole pack as two-byte text, twice the bytes to read, copy and check. There `\\uXXXX` means the same
 * UTF-16 unit, with or without the u flag (a surrogate pair is still one code point under it).
 */
const ascii = (text: string): string =>
  text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

interface Graph {
  /** static imports of CommonJS files (CommonJS and ESM importers alike) */
  statics: Map<string, string[]>;
  /** on-demand loads: CommonJS targets, and ESM files (the screens) reached by import() */
  dynamics: Map<string, string[]>;
  /** an ESM file's static imports of other ESM files (they run before its own requires) */
  esmStatics: Map<string, string[]>;
}

function graphOf(meta: Metafile, isEsm: (id: string) => boolean): Graph {
  const g: Graph = { statics: new Map(), dynamics: new Map(), esmStatics: new Map() };
  for (const [out, o] of Object.entries(meta.outputs)) {
    if (!out.endsWith('.js')) continue;
    const id = posix.relative('dist', out);
    const local = o.imports.filter((i) => !i.external).map((i) => ({ ...i, id: posix.relative('dist', i.path) }));
    g.statics.set(
      id,
      local.filter((i) => i.kind === 'import-statement' && !isEsm(i.id)).map((i) => i.id),
    );
    g.dynamics.set(
      id,
      local.filter((i) => i.kind === 'dynamic-import').map((i) => i.id),
    );
    g.esmStatics.set(
      id,
      local.filter((i) => i.kind === 'import-statement' && isEsm(i.id)).map((i) => i.id),
    );
  }
  return g;
}

export interface Pack {
  /** the pack's file under dist/ */
  file: string;
  /** the modules it defines */
  members: string[];
}

/**
 * The packs: one per context (the entry, each CommonJS file loaded on demand, each ESM file's CommonJS imports),
 * holding its static closure less what every context that reaches it has made available — a fixpoint from "all"
 * downward, so a context reached two ways keeps only what both ways guarantee.
 */
export function planPacks(meta: Metafile, isEsm: (id: string) => boolean): Pack[] {
  return plan(graphOf(meta, isEsm), isEsm);
}

function plan(g: Graph, isEsm: (id: string) => boolean): Pack[] {
  const closure = (starts: string[]): Set<string> => {
    const seen = new Set<string>();
    const todo = [...starts];
    while (todo.length > 0) {
      const id = todo.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      todo.push(...(g.statics.get(id) ?? []));
    }
    return seen;
  };
  // an ESM context's members are what its requires need; a CommonJS context's, its own static closure
  const need = (ctx: string): Set<string> => closure(isEsm(ctx) ? (g.statics.get(ctx) ?? []) : [ctx]);
  const contexts = new Map<string, { need: Set<string>; avail: Set<string> | 'all' }>();
  const add = (ctx: string): void => {
    if (contexts.has(ctx)) return;
    contexts.set(ctx, { need: need(ctx), avail: ctx === 'cli.js' ? new Set() : 'all' });
    for (const m of contexts.get(ctx)?.need ?? []) for (const d of g.dynamics.get(m) ?? []) add(d);
    if (isEsm(ctx)) for (const d of [...(g.dynamics.get(ctx) ?? []), ...(g.esmStatics.get(ctx) ?? [])]) add(d);
  };
  add('cli.js');
  /**
   * What is loaded when a context's own requires run: what every way to it guarantees (`avail`), and for an ESM
   * file also all that its static ESM imports loaded, since those run first (ink before the quiz screen: else
   * each screen's pack would carry react-reconciler again).
   */
  const loaded = (ctx: string, seen = new Set<string>()): Set<string> | undefined => {
    const c = contexts.get(ctx);
    if (!c || c.avail === 'all') return undefined;
    const out = new Set(c.avail);
    seen.add(ctx);
    if (isEsm(ctx))
      for (const d of g.esmStatics.get(ctx) ?? []) {
        if (seen.has(d)) continue; // an import cycle: what the first of them loaded is counted once
        for (const m of loaded(d, seen) ?? []) out.add(m);
        for (const m of members(d)) out.add(m);
      }
    return out;
  };
  const members = (ctx: string): Set<string> => {
    const c = contexts.get(ctx);
    const have = loaded(ctx);
    return c && have ? new Set([...c.need].filter((m) => !have.has(m))) : new Set();
  };
  for (let changed = true; changed;) {
    changed = false;
    const incoming = new Map<string, Set<string>[]>();
    const offer = (to: string, s: Set<string>): void => void incoming.set(to, [...(incoming.get(to) ?? []), s]);
    for (const [ctx, c] of contexts) {
      const have = loaded(ctx);
      if (c.avail === 'all' || !have) continue;
      const after = new Set([...have, ...members(ctx)]);
      for (const m of c.need) for (const d of g.dynamics.get(m) ?? []) offer(d, after);
      if (isEsm(ctx)) {
        for (const d of g.dynamics.get(ctx) ?? []) offer(d, after);
        // a static ESM import runs before this file's own requires: only what was there before it
        for (const d of g.esmStatics.get(ctx) ?? []) offer(d, c.avail);
      }
    }
    for (const [ctx, c] of contexts) {
      if (ctx === 'cli.js') continue;
      const ins = incoming.get(ctx);
      if (!ins) continue;
      const next = new Set([...(ins[0] ?? [])].filter((m) => ins.every((s) => s.has(m))));
      if (c.avail === 'all' || next.size !== c.avail.size || [...next].some((m) => !(c.avail as Set<string>).has(m))) {
        c.avail = next;
        changed = true;
      }
    }
  }
  const packs: Pack[] = [];
  for (const [ctx, c] of contexts) {
    if (c.avail === 'all') throw new Error(`build: ${ctx} is loaded from nowhere the entry reaches`);
    packs.push({ file: isEsm(ctx) ? depsFile(ctx) : ctx, members: [...members(ctx)].sort() });
  }
  return packs;
}

/** An ESM screen's CommonJS imports: chunks/run-quiz-X.mjs requires them from chunks/run-quiz-X.deps.js. */
const depsFile = (esmId: string): string => esmId.replace(/\.js$/, '.deps.js');

export interface PackResult {
  packs: Pack[];
  modules: number;
}

/**
 * Write the packs over dist/'s CommonJS files and rewrite the ESM files' requires of them. `cjs` and `esm` are
 * relative to dist/ (the ESM ones as renamed, .mjs). A relative require no pack can place fails the build.
 */
export function packCommonJs(dist: string, meta: Metafile, cjs: string[], esm: string[]): PackResult {
  const esmIds = new Set(esm.map((f) => f.replace(/\.mjs$/, '.js')));
  const isEsm = (id: string): boolean => esmIds.has(id);
  const ids = new Set(cjs);
  const g = graphOf(meta, isEsm);
  const packs = plan(g, isEsm);
  const idOf = (from: string, spec: string): string => posix.normalize(posix.join(posix.dirname(from), spec));
  const source = new Map(cjs.map((id) => [id, readFileSync(join(dist, id), 'utf8')]));
  const factory = (id: string): string => {
    const onDemand = new Set(g.dynamics.get(id) ?? []);
    const body = (source.get(id) ?? '').replace(/require\("(\.\.?\/[^"]+)"\)/g, (call, spec: string) => {
      const target = idOf(id, spec);
      if (ids.has(target))
        return onDemand.has(target)
          ? `__lynxR.load(${JSON.stringify(target)})`
          : `__lynxGet(${JSON.stringify(target)})`;
      if (target === 'esm-import.js') return 'require(__lynxP.join(__lynxD,"esm-import.js"))';
      throw new Error(`build: ${id}: cannot pack \`${call}\` (not a CommonJS file of dist/)`);
    });
    return `__lynxDef(${JSON.stringify(id)},function(exports,require,module,__filename,__dirname){${body}\n});`;
  };
  const texts = new Map<string, string>();
  for (const p of packs) {
    const head =
      p.file === 'cli.js'
        ? `"use strict";${RUNTIME}`
        : '"use strict";var __lynxR=require("../cli.js"),__lynxGet=__lynxR.get,__lynxDef=__lynxR.def,' +
          '__lynxP=require("node:path"),__lynxD=__lynxP.join(__dirname,"..");';
    // bin/lynx.js calls main(); `node dist/cli.js` runs it too, and a pack's require of cli.js only reads the table
    const tail = p.file === 'cli.js' ? 'if(require.main===module)__lynxGet("cli.js");' : 'module.exports=__lynxR;';
    texts.set(p.file, ascii([head, ...p.members.map(factory), tail].join('\n')));
  }
  for (const file of esm) {
    const id = file.replace(/\.mjs$/, '.js');
    const deps = `./${posix.basename(depsFile(id))}`;
    const text = readFileSync(join(dist, file), 'utf8');
    const out = text
      .replace(/require\("(\.\.?\/[^"]+\.js)"\)/g, (call, spec: string) => {
        const target = idOf(id, spec);
        if (!ids.has(target)) throw new Error(`build: ${file}: cannot reach \`${call}\` in a pack`);
        return `require(${JSON.stringify(deps)}).get(${JSON.stringify(target)})`;
      })
      // import() of a CommonJS chunk (ink's devtools, development only): its pack's table, as a namespace
      .replace(/import\("(\.\.?\/[^"]+\.js)"\)/g, (call, spec: string) => {
        const target = idOf(id, spec);
        if (!ids.has(target)) throw new Error(`build: ${file}: cannot reach \`${call}\` in a pack`);
        return `import(${JSON.stringify(spec)}).then((n)=>{const e=n.default.get(${JSON.stringify(target)});return{...e,default:e}})`;
      });
    texts.set(file, out);
  }
  // everything placed before anything is written: a refused require leaves dist/ as it was
  for (const id of cjs) rmSync(join(dist, id));
  for (const [file, text] of texts) writeFileSync(join(dist, file), text);
  writeFileSync(join(dist, 'packs.json'), `${JSON.stringify(packs, null, 1)}\n`);
  return { packs, modules: cjs.length };
}
