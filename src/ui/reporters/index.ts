/**
 * The reporter registry (knip's shape): every format over the one result model. `text` and `json`
 * serve every result kind; `junit`, `github` and `markdown` serve gate results. present() in
 * src/cli picks them from the flags and the environment.
 */
export { text, type Printed, type TextOptions } from './text.js';
export { json } from './json.js';
export { junit } from './junit.js';
export { github } from './github.js';
export { markdown } from './markdown.js';
