/**
 * Where a git remote points, for people: host and path without the scheme, the credentials or the
 * `.git` suffix, such as "github.com/acme/app" for `https://user:token@github.com/acme/app.git` or
 * `git@github.com:acme/app.git`. A local path stays as written. The URL forms are git's own
 * (git-clone(1), "GIT URLS": `scheme://[user@]host[:port]/path` and scp-like `[user@]host:path`); a
 * token in the URL never reaches a notification or the log.
 */
export function remoteAddress(url: string): string {
  const trimmed = url.trim();
  const clean = (host: string, path: string) => `${host}/${path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '')}`.replace(/\/$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      const parsed = new URL(trimmed);
      if (parsed.protocol === 'file:') return decodeURIComponent(parsed.pathname);
      return clean(parsed.host, decodeURIComponent(parsed.pathname));
    } catch {
      return trimmed.replace(/\/\/[^/@]*@/, '//');
    }
  }
  // scp-like: a colon before any slash, and not a Windows drive letter.
  const scp = /^(?:[^@/]+@)?([^:/]{2,}):(.*)$/.exec(trimmed);
  return scp ? clean(scp[1], scp[2]) : trimmed;
}

/** A remote named for people: "origin (github.com/acme/app)"; the name alone when the URL is unknown. */
export function remoteLabel(name: string, url: string | undefined): string {
  return url ? `${name} (${remoteAddress(url)})` : name;
}
