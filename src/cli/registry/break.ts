/** Registers the break commands (see DESIGN §3). */
import type { Register } from './shared.js';

export const registerBreak: Register = (_program, _act) => {
  // commands of this area are added here, each with --help text and examples
};
