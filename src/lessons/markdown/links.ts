/**
 * Links in a lesson's prose: what can be checked in the file alone is checked here (empty
 * links, unsafe schemes, relative links, undefined references); links to other lessons' steps
 * (`#/lessons/<slug>/<n>`) are returned, for verifyCourse to check against every lesson.
 */
import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { LessonLink } from '../types.ts';
import { lineOf, type Problem } from './nodes.ts';

const LESSON_LINK = /^#\/lessons\/([^/?#]+)(?:\/([^/?#]*))?(?:\?presenter)?$/;
const UNSAFE = /^\s*(javascript|vbscript|data|file):/i;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

export function readLinks(tree: Root, problem: Problem): LessonLink[] {
  const links: LessonLink[] = [];
  const defined = new Set<string>();
  visit(tree, 'definition', (node) => {
    defined.add(node.identifier.toLowerCase());
    checkUrl(node.url, lineOf(node), `[${node.label ?? node.identifier}]:`, problem, links);
  });
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image') {
      const text = node.type === 'link' ? mdToString(node) : (node.alt ?? '');
      const shown = `${node.type === 'image' ? '!' : ''}[${text}](${node.url})`;
      if (node.type === 'link' && text.trim() === '') {
        problem(lineOf(node), 'link', `the link ${shown} has no text: say where it goes`);
      }
      checkUrl(node.url, lineOf(node), shown, problem, links);
    } else if (node.type === 'text') {
      // `[text][ref]` whose ref is defined nowhere stays plain text in markdown: find it there.
      for (const m of node.value.matchAll(/(?<![\w\]])\[([^\]]+)\]\[([^\]]*)\]/g)) {
        const ref = (m[2] || m[1]) as string;
        if (!defined.has(ref.toLowerCase())) {
          problem(
            lineOf(node),
            'link',
            `${m[0]} refers to [${ref}], which is defined nowhere: add a line "[${ref}]: https://…" to the lesson`,
          );
        }
      }
    }
  });
  return links;
}

function checkUrl(
  url: string,
  line: number,
  shown: string,
  problem: Problem,
  links: LessonLink[],
): void {
  const href = url.trim();
  if (href === '' || href === '#') {
    problem(line, 'link', `${shown} goes nowhere: give it a URL, or #/lessons/<slug>/<step>`);
    return;
  }
  if (UNSAFE.test(href)) {
    problem(
      line,
      'link',
      `${shown} uses an unsafe scheme (${href.split(':')[0]}:) and is removed from the page: link with https:// instead`,
    );
    return;
  }
  const lesson = LESSON_LINK.exec(href);
  if (lesson) {
    links.push({ slug: decodeURIComponent(lesson[1] as string), step: lesson[2] ?? null, line });
    return;
  }
  if (!ABSOLUTE.test(href) && !href.startsWith('#')) {
    problem(
      line,
      'link',
      `${shown} is a relative link, which a lesson page cannot follow: link another lesson's step as #/lessons/<slug>/<step>, anything else with its full https:// URL`,
    );
  }
}
