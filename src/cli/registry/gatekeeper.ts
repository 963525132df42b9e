/** Registers the gatekeeper commands: checkpoint, report, gate, attest, waive. */
import type { Register } from './shared.js';

export const registerGatekeeper: Register = (_program, _act) => {
  // filled in below as the gatekeeper lands
};
