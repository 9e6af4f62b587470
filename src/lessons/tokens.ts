/** Words and "quoted texts": the tokens of moment selectors and check lines. */

export type Token = { readonly kind: 'word' | 'string'; readonly value: string };

/** Splits into words and "strings"; a string token keeps its decoded value. */
export function tokenize(text: string): { tokens: Token[] } | { error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === '“') {
      const close = c === '"' ? '"' : '”';
      let j = i + 1;
      while (j < text.length && text[j] !== close) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length)
        return { error: `the text starting at ${text.slice(i)} has no closing quote` };
      const raw = text.slice(i + 1, j);
      try {
        tokens.push({ kind: 'string', value: JSON.parse(`"${raw.replace(/(?<!\\)"/g, '\\"')}"`) });
      } catch {
        return {
          error: `${text.slice(i, j + 1)} is not a valid quoted text (check its \\ escapes)`,
        };
      }
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j] as string) && text[j] !== '"') j++;
      tokens.push({ kind: 'word', value: text.slice(i, j) });
      i = j;
    }
  }
  return { tokens };
}
