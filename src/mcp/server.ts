/**
 * lynx mcp: a Model Context Protocol server over stdio (the official SDK's McpServer and
 * StdioServerTransport) exposing lynx's read-only results as tools. Loaded only by this command:
 * the SDK and zod never touch another command's start-up path. stdout belongs to the protocol.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { disableCacheWrites } from '../io/workspace.js';
import { lynxVersion } from '../io/pkg.js';
import { TOOLS, workspaceRoot } from './tools.js';
import type { Ctx } from '../cli/context.js';

export function buildServer(root: string): McpServer {
  const server = new McpServer(
    { name: 'lynx', version: lynxVersion() },
    {
      instructions:
        'lynx is the gatekeeper of the Lynx Cortex curriculum. These tools return its read-only verdicts ' +
        '(status, checkpoint, gate, labs, DoD, plan, manifest drift); present them as lynx gives them. Quizzes ' +
        'are taken by the learner in their own terminal (lynx quiz NN).',
    },
  );
  for (const t of TOOLS) {
    server.registerTool(
      t.name,
      {
        title: t.title,
        description: t.description,
        inputSchema: t.input,
        outputSchema: t.output,
        annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
      },
      async (args: Record<string, unknown>) => {
        const result = await t.run(root, args);
        return {
          content: [{ type: 'text' as const, text: JSON.stringify(result, null, 2) }],
          structuredContent: result,
        };
      },
    );
  }
  return server;
}

export async function serveMcp(ctx: Ctx): Promise<number> {
  // nothing lynx does for this server writes in the workspace, not even its config cache
  disableCacheWrites();
  const root = workspaceRoot(ctx.cwd);
  await buildServer(root).connect(new StdioServerTransport());
  return 0;
}
