const C_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A gitattributes(5) pattern that matches exactly one file, given its path from the repository root
 * with '/' separators:
 * - a leading '/' anchors it, so a file of the same name in another folder does not match;
 * - `*`, `?`, `[` and `\` get a backslash, so wildmatch reads them literally (gitignore(5), "PATTERN FORMAT");
 * - a pattern holding whitespace, a double quote or a control character is written in C-style quotes,
 *   as gitattributes(5) reads a pattern that begins with `"`: unquoted, whitespace would end it, and
 *   git would read the rest of the path as attributes.
 */
export function attributePattern(relativePath: string): string {
  const pattern = `/${relativePath.replace(/[*?[\\]/g, (c) => `\\${c}`)}`;
  const chars = [...pattern];
  if (!chars.some((c) => /\s/.test(c) || c === '"' || isControl(c))) {
    return pattern;
  }
  return `"${chars.map((c) => C_ESCAPES[c] ?? (isControl(c) ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}"`;
}

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
