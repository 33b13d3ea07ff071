/**
 * A VS Code glob (`vscode.GlobPattern`, as in `RelativePattern`) that matches exactly `relativePath`.
 * That dialect has no escape character (src/vs/base/common/glob.ts), but a bracket expression holding
 * one character matches it literally, so each of `* ? [ ] { }` goes in brackets of its own.
 */
export function literalGlob(relativePath: string): string {
  return relativePath.replace(/[*?[\]{}]/g, (c) => `[${c}]`);
}

/**
 * A `fileMatch` pattern for VS Code's JSON language features that matches the file at `uriPath` (the
 * path of its `file:` URI, unencoded, as `Uri#toString(true)` writes it). The language server puts a
 * globstar and a slash before it and matches it against the document's URI in a glob dialect of its own
 * (vscode-json-languageservice's glob.ts), which has no escape character. So every ASCII character
 * but letters, digits and `/._-` becomes `?` (any one character), and `#` and `?`, which a URI keeps
 * percent-encoded, become `*`: the pattern cannot misread the path, and could only also match a file
 * whose path differs from this one in exactly those characters.
 */
export function jsonFileMatch(uriPath: string): string {
  let pattern = '';
  for (const c of uriPath) {
    const code = c.charCodeAt(0);
    pattern += code > 0x7f || /[A-Za-z0-9/._-]/.test(c) ? c : c === '#' || c === '?' ? '*' : '?';
  }
  return pattern;
}
