/**
 * Load a command module: from its standalone bundle (dist/fast/<name>.js, one file) in the built
 * CLI, or through the ordinary import when running from source (tsx, vitest).
 */
declare const __LYNX_FAST__: boolean | undefined;

export function loadFast<T>(name: string, ordinary: () => Promise<T>): Promise<T> {
  if (typeof __LYNX_FAST__ !== 'undefined' && __LYNX_FAST__) return import(new URL(`./fast/${name}.js`, import.meta.url).href) as Promise<T>;
  return ordinary();
}
