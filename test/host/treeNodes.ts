import type { StupidWorkApi } from '../../src/extension';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';

/** Every node under the roots of the Backlog view, as the view would ask for them. */
export function allNodes(tree: StupidWorkApi['tree']): BacklogNode[] {
  const out: BacklogNode[] = [];
  const walk = (nodes: BacklogNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(tree.getChildren(node));
    }
  };
  walk(tree.getChildren(undefined));
  return out;
}

export function entryTitles(tree: StupidWorkApi['tree']): string[] {
  return allNodes(tree).flatMap((node) => (node.type === 'entry' ? [node.entry.title] : []));
}
