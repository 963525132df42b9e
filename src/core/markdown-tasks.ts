/**
 * Task items of a markdown file, found by a real markdown parser (GFM task lists): a `[ ]` inside
 * a code block or a paragraph is not a task.
 */

export interface Task {
  line: number;
  checked: boolean;
  text: string;
}

interface Node {
  type: string;
  checked?: boolean | null;
  children?: Node[];
  value?: string;
  position?: { start: { line: number } };
}

function textOf(n: Node): string {
  if (n.value !== undefined && n.type !== 'code') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

/** The parser is loaded on first use: most commands never parse markdown (start-up budgets, DESIGN §8). */
export async function tasks(markdown: string): Promise<Task[]> {
  const [{ fromMarkdown }, { gfmTaskListItemFromMarkdown }, { gfmTaskListItem }] = await Promise.all([
    import('mdast-util-from-markdown'),
    import('mdast-util-gfm-task-list-item'),
    import('micromark-extension-gfm-task-list-item'),
  ]);
  const tree = fromMarkdown(markdown, {
    extensions: [gfmTaskListItem()],
    mdastExtensions: [gfmTaskListItemFromMarkdown()],
  }) as unknown as Node;
  const out: Task[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'listItem' && typeof n.checked === 'boolean') {
      const first = n.children?.[0];
      out.push({ line: n.position?.start.line ?? 0, checked: n.checked, text: first ? textOf(first).trim() : '' });
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

/** The text of one section ("## 7 …" up to the next heading of the same or higher level). */
export function section(markdown: string, match: RegExp): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{1,6}\s/.test(l) && match.test(l));
  if (start < 0) return undefined;
  const level = /^(#+)/.exec(lines[start] ?? '')?.[1]?.length ?? 1;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const h = /^(#+)\s/.exec(lines[i] ?? '');
    if (h?.[1] && h[1].length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start + 1, end).join('\n');
}

export function wordCount(markdown: string): number {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#>*_`|[\]()-]/g, ' ');
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}
