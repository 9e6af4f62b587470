/** Small helpers over mdast nodes, and how the parser reports a problem. */
import type { Code, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString as mdToString } from 'mdast-util-to-string';
import type { ProgramRole } from '../types.ts';

/** Reports one problem: the line, the field or directive concerned, and what is wrong. */
export type Problem = (line: number, field: string, message: string) => void;

export const ROLES: readonly ProgramRole[] = ['program', 'starter', 'solution'];

export function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 0;
}

/** The role of a ```python ROLE block, or null when the code block is not a lesson program. */
export function programRole(node: Code): ProgramRole | null {
  if (node.lang !== 'python' && node.lang !== 'py') return null;
  const role = (node.meta ?? '').trim().split(/\s+/)[0] as ProgramRole;
  return ROLES.includes(role) ? role : null;
}

/** A container's content without its `[label]` paragraph. */
export function body(node: ContainerDirective): RootContent[] {
  return node.children.filter(
    (c) =>
      !(
        c.type === 'paragraph' &&
        (c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel
      ),
  ) as RootContent[];
}

export function leafText(node: LeafDirective): string {
  return mdToString(node).trim();
}

/** Whether the nodes hold no words at all. */
export function isBlank(nodes: readonly RootContent[]): boolean {
  return mdToString({ type: 'root', children: [...nodes] } as Root).trim() === '';
}
