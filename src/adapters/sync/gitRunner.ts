import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';

/** git is stopped when it prints nothing for this long: local plumbing, and a fetch or push. */
const LOCAL_TIMEOUT_MS = 20_000;
const NETWORK_TIMEOUT_MS = 60_000;

/**
 * Ambient settings people rely on, none of which runs a program: transport (a company CA, a proxy),
 * tracing, and where git stops looking for a repository (git(1), ENVIRONMENT VARIABLES).
 */
const TRANSPORT = /^GIT_(SSL_|HTTP_|PROXY_SSL_|CURL_VERBOSE|TRACE|CEILING_DIRECTORIES$|DISCOVERY_ACROSS_FILESYSTEM$)/i;
/** Programs that ask for credentials; a person's own sync may use them, a background one never prompts. */
const PROMPTERS = ['GIT_ASKPASS', 'SSH_ASKPASS'];
/** The user's own ssh command: kept in both modes, or a background fetch could not reach an ssh remote. */
const SSH = ['GIT_SSH', 'GIT_SSH_COMMAND'];
/** What simple-git guards besides `GIT_*`: editors, pagers and config paths (its `GitEnvKeys`). */
const GUARDED = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

export interface GitRunnerOptions {
  /** Where git runs. */
  cwd: string;
  /** A person started this: their askpass program may prompt. Otherwise nothing prompts. */
  interactive: boolean;
  /** git may ask on the terminal (a command line run in one); otherwise `GIT_TERMINAL_PROMPT=0`. */
  terminal?: boolean;
  /** Set when the remote speaks ssh and the user configured no ssh command: background runs add `BatchMode`. */
  batchSsh?: boolean;
}

/**
 * One way to run git for the backlog branch, through simple-git. simple-git strips every ambient `GIT_*`
 * variable and refuses risky ones unless named; this names exactly the ones a sync needs, and opts into
 * the two unsafe categories only for the user's own ssh and askpass programs.
 */
export class GitRunner {
  private readonly env: Record<string, string> = {};
  private readonly allow: string[] = [];
  private readonly local: SimpleGit;
  private readonly network: SimpleGit;

  constructor(private readonly options: GitRunnerOptions) {
    for (const [key, value] of Object.entries(process.env)) {
      if (value === undefined) continue;
      const guarded = /^git_/i.test(key) || GUARDED.has(key.toLowerCase());
      const keep = !guarded || TRANSPORT.test(key) || SSH.includes(key) || (options.interactive && PROMPTERS.includes(key));
      if (!keep) continue;
      this.env[key] = value;
      if (guarded) this.allow.push(key);
    }
    if (!options.interactive || !options.terminal) this.set('GIT_TERMINAL_PROMPT', '0');
    if (!options.interactive) {
      if (options.batchSsh && this.env.GIT_SSH_COMMAND === undefined && this.env.GIT_SSH === undefined) {
        this.set('GIT_SSH_COMMAND', 'ssh -o BatchMode=yes');
      }
    }
    this.local = this.make(LOCAL_TIMEOUT_MS);
    this.network = this.make(NETWORK_TIMEOUT_MS);
  }

  /** Runs a local command and resolves with its stdout. Rejects with git's output when it exits non-zero. */
  run(args: string[], extraEnv?: Record<string, string>): Promise<string> {
    return extraEnv ? this.make(LOCAL_TIMEOUT_MS, extraEnv).raw(args) : this.local.raw(args);
  }

  /**
   * Starts a local command that reads its stdin now, to be given that input later: its start-up then
   * overlaps a fetch or push the sync waits on anyway. simple-git takes input only when it starts a
   * command, so this spawns git itself, with the same environment. Every prepared command must end with
   * `run` or `cancel`.
   */
  prepare(args: string[]): PreparedGit {
    return new PreparedGit(spawn('git', args, { cwd: this.options.cwd, env: this.env, stdio: ['pipe', 'pipe', 'pipe'] }), args);
  }

  /** A fetch or push: a longer timeout. */
  remote(args: string[]): Promise<string> {
    return this.network.raw(args);
  }

  private set(key: string, value: string): void {
    this.env[key] = value;
    if (!this.allow.includes(key)) this.allow.push(key);
  }

  private make(timeoutMs: number, extraEnv?: Record<string, string>): SimpleGit {
    const allowEnvironment = [...this.allow, ...Object.keys(extraEnv ?? {})];
    const git = simpleGit({
      baseDir: this.options.cwd,
      timeout: { block: timeoutMs },
      // Waiting on `close` only: `exit` plus a grace period costs every command 50 ms.
      completion: { onClose: true, onExit: false },
      allowEnvironment,
      unsafe: {
        allowUnsafeSshCommand: SSH.some((key) => key in this.env),
        allowUnsafeAskPass: PROMPTERS.some((key) => key in this.env),
      },
    });
    return git.env({ ...this.env, ...extraEnv });
  }
}

/** A git command started ahead of its input; see `GitRunner.prepare`. */
export class PreparedGit {
  private readonly stdout: Buffer[] = [];
  private readonly stderr: Buffer[] = [];
  private readonly exited: Promise<number | Error>;
  private ended = false;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly args: string[],
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    // A git that exits early (a wrong repository, say) closes its stdin; the exit code tells why.
    child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      child.on('error', (error) => resolve(error));
      child.on('close', (code) => resolve(code ?? 1));
    });
  }

  /**
   * Writes `input`, closes stdin and resolves with stdout once git exits 0. Rejects, as simple-git does,
   * with git's output in the message when it exits otherwise, with the spawn error (ENOENT when git is
   * missing) when it could not start, and after `LOCAL_TIMEOUT_MS` without an exit.
   */
  async run(input: string): Promise<Buffer> {
    this.ended = true;
    this.child.stdin.end(input);
    const timer = setTimeout(() => this.child.kill(), LOCAL_TIMEOUT_MS);
    const result = await this.exited.finally(() => clearTimeout(timer));
    if (result instanceof Error) throw result;
    if (result !== 0) {
      throw new Error(`git ${this.args[0]} exited with ${result}: ${Buffer.concat([...this.stderr, ...this.stdout]).toString('utf8').trim()}`);
    }
    return Buffer.concat(this.stdout);
  }

  /** Ends the command unused: its input ends before any command, which each prepared command takes as nothing to do. */
  cancel(): void {
    if (this.ended) return;
    this.ended = true;
    this.child.stdin.end();
  }
}

/** The text of a rejected git command: simple-git puts git's stdout and stderr in the message. */
export function gitOutput(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether git itself could not be started (not installed, not on the PATH). */
export function isGitMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || /spawn git ENOENT|ENOENT/.test(gitOutput(error));
}
