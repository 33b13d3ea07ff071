/**
 * Sorts what git printed when a fetch or push of the backlog branch failed into what to do next.
 * The phrases are git's own (fetch-pack, send-pack, the http and ssh transports) and the hosting
 * sites' refusal codes: GitHub GH006/GH013, GitLab's pre-receive messages, Azure DevOps TF40xxxx.
 */

/**
 * - `race`: a teammate pushed first (rejected as not a fast-forward, or the ref moved under the server's
 *   lock); fetch, merge again and retry.
 * - `refused`: a server rule, hook or permission refuses this push; retrying cannot help.
 * - `auth`: the credentials are missing or wrong.
 * - `throttled`: the server asks to slow down (HTTP 429); back off.
 * - `offline`: the remote cannot be reached.
 * - `no-repository`: the remote answers but has no such repository.
 * - `no-branch`: a fetch found no backlog branch on the remote.
 * - `other`: anything else, shown as git said it.
 */
export type GitReplyKind = 'race' | 'refused' | 'auth' | 'throttled' | 'offline' | 'no-repository' | 'no-branch' | 'other';

export interface GitReply {
  kind: GitReplyKind;
  /** The server's own words: its `remote:` lines, without the prefix, for the person to read as sent. */
  remoteLines: string[];
  /** Whether the refusal is about the commit's author, committer or signature, which the neutral identity can cause. */
  aboutIdentity: boolean;
  /** The last meaningful line git printed, for a one-line reason. */
  summary: string;
}

const NO_BRANCH = /couldn't find remote ref|could not find remote ref/i;
const RACE = /\[rejected\][^\n]*\((fetch first|non-fast-forward|stale info)\)|cannot lock ref[^\n]*(but expected|is at [0-9a-f]+ but expected)|failed to update ref|incorrect old value provided|\[remote rejected\][^\n]*\((failed to update ref|cannot lock ref)/i;
const THROTTLED = /\b429\b|too many requests|rate limit/i;
const AUTH = /authentication failed|could not read username|could not read password|terminal prompts disabled|permission denied \(publickey|invalid username or password|HTTP Basic: Access denied|\b401\b|host key verification failed|no such identity/i;
const REFUSED = /\[remote rejected\]|hook declined|protected branch|GH00[0-9]|GH013|TF40\d{4}|push declined|not allowed to (push|create)|permission to [^\n]* denied|you are not allowed|\b403\b|denied by|forbidden/i;
const NO_REPOSITORY = /repository not found|does not appear to be a git repository|not a git repository|\b404\b/i;
const OFFLINE = /could not resolve host|could not resolve hostname|failed to connect|couldn't connect|connection refused|network is unreachable|no route to host|timed out|connection reset|unable to access|could not read from remote repository|the remote end hung up|block timeout reached/i;
const IDENTITY = /author|committer|e-?mail|signature|signed|unsigned|gpg|verified|push rules?/i;

/** Reads git's combined output (stderr, and `--porcelain` stdout for pushes). */
export function classifyGitReply(output: string): GitReply {
  const lines = output.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const remoteLines = lines.filter((line) => /^remote:/.test(line)).map((line) => line.replace(/^remote:\s?/, '')).filter((line) => line.trim() !== '');
  const summary = lines.filter((line) => !/^remote:/.test(line) && !/^(To |Done$|hint:)/.test(line)).at(-1)?.replace(/^(fatal|error):\s*/, '') ?? '';
  const kind: GitReplyKind = NO_BRANCH.test(output)
    ? 'no-branch'
    : RACE.test(output)
      ? 'race'
      : THROTTLED.test(output)
        ? 'throttled'
        : AUTH.test(output)
          ? 'auth'
          : REFUSED.test(output)
            ? 'refused'
            : NO_REPOSITORY.test(output)
              ? 'no-repository'
              : OFFLINE.test(output)
                ? 'offline'
                : 'other';
  const aboutIdentity = kind === 'refused' && IDENTITY.test([...remoteLines, summary].join('\n'));
  return { kind, remoteLines, aboutIdentity, summary };
}
