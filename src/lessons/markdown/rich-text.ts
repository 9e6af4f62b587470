/** Prose → sanitized hast without positions: safe to render, small to ship. */
import type { Element, ElementContent, RootContent as HastContent, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import type { ListItem, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { RichText } from '../types.ts';

/** Markdown nodes → sanitized hast without positions. */
export function rich(nodes: readonly RootContent[]): RichText {
  const hast = toHast({ type: 'root', children: [...nodes] } as Root) as HastRoot;
  const clean = sanitize(hast, defaultSchema) as HastRoot;
  return strip(clean) as HastRoot;
}

/** A list item as inline content (its single paragraph unwrapped). */
export function richInline(item: ListItem): RichText {
  const only = item.children.length === 1 ? item.children[0] : undefined;
  if (only?.type === 'paragraph') return rich(only.children as unknown as RootContent[]);
  return rich(item.children as RootContent[]);
}

function strip<T extends HastRoot | HastContent | ElementContent>(node: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position' || key === 'data') continue;
    out[key] = value;
  }
  if ('children' in node) {
    out.children = (node.children as (Element | ElementContent)[]).map((c) => strip(c));
  }
  return out as T;
}
