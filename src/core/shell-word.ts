/**
 * One argv word as a shell would need it to paste it back (plain words stay plain). Its own module:
 * core/runner.ts needs it on every workspace's config load, and core/lab.ts brings mustache.
 */
export const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
