/**
 * Lesson prose: a sanitized hast tree (src/lessons strips raw HTML, scripts, event handlers and
 * `javascript:` links at build time) turned into React elements, never into an HTML string.
 * Links to other sites open in a new tab, so the lesson and its run stay where they are.
 */
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { ComponentProps } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { RichText as RichTree } from '../../lessons/index.ts';

function Link(props: ComponentProps<'a'>) {
  const href = props.href ?? '';
  const external = /^https?:/i.test(href);
  return external ? <a {...props} target="_blank" rel="noopener noreferrer" /> : <a {...props} />;
}

export function RichText({ tree, className }: { tree: RichTree; className?: string }) {
  const content = toJsxRuntime(tree, { Fragment, jsx, jsxs, components: { a: Link } });
  return className ? <div className={className}>{content}</div> : content;
}

/** The plain text of a tree (for accessible names and comparisons). */
export function plainText(tree: RichTree): string {
  let out = '';
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text' && typeof node.value === 'string') out += node.value;
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as unknown as { type: string; children?: unknown[] });
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * A choice's rich text without its wrapping paragraph, so it sits inline in a button. (A list
 * item's content comes as `<p>…</p>` when the list is "loose".)
 */
export function inlineOf(tree: RichTree): RichTree {
  const [only] = tree.children;
  if (
    tree.children.length === 1 &&
    only?.type === 'element' &&
    only.tagName === 'p' &&
    only.children.length > 0
  ) {
    return { type: 'root', children: only.children };
  }
  return tree;
}
