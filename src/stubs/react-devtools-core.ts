/**
 * Build-time stand-in for `react-devtools-core` (esbuild alias, scripts/build.ts): ink imports it only
 * when DEV=true; it is not installed, and lynx never sets DEV.
 */
export default { initialize(): void {}, connectToDevTools(): void {} };
