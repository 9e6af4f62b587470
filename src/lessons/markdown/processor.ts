/** The remark pipeline: CommonMark + GFM + YAML front matter + block directives. */
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/**
 * Block directives only (`:::name` and `::name`). Text directives (`:name` inside a sentence)
 * are left out on purpose: prose about Python is full of colons ("await: hands control back").
 */
function remarkBlockDirectives(this: Processor) {
  const data = this.data() as unknown as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { flow: directive().flow }];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), directiveFromMarkdown()];
}

export const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkBlockDirectives);
