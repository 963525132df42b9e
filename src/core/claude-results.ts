/** What `lynx claude install` reports: each file written, merged or kept, and whether lynx mcp was registered. */
import type { FileAction } from './phase-results.js';

export interface ClaudeInstallResult { schema_version: 1; root: string; actions: (FileAction & { added?: string[] })[]; mcp: boolean }
