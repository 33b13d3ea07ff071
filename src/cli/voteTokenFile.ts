/**
 * The anonymous votes this person cast from the command line, by token: the only record that ties a
 * token in the shared file to its voter (see src/core/votes/votes.ts), so it stays on this machine, in
 * the user's configuration folder, readable by this user alone (mode 0600, in a folder of mode 0700).
 * One file per backlog file, named by a hash of its absolute path:
 * `$XDG_CONFIG_HOME/stupid-work/votes/<sha256>.json` (else `~/.config` on Linux,
 * `~/Library/Application Support` on macOS, `%APPDATA%` on Windows).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { isRecord } from '../core/model/isRecord';
import { isVoteToken } from '../core/votes/votes';

/** As many as the editor keeps (`MAX_KEPT_TOKENS`); past it the oldest are forgotten, and their votes stay. */
const MAX_KEPT_TOKENS = 10000;

/** The user's configuration folder for this program, by the platform's convention (XDG Base Directory on Linux). */
export function configFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)) return path.join(env.XDG_CONFIG_HOME, 'stupid-work');
  if (platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'stupid-work');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'stupid-work');
  return path.join(homedir(), '.config', 'stupid-work');
}

/** The token file of the backlog at `backlogFile` (an absolute path). */
export function tokenFileOf(backlogFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha256').update(path.resolve(backlogFile)).digest('hex');
  return path.join(configFolder(env), 'votes', `${key}.json`);
}

/** The tokens held for one backlog, and the file that keeps them. */
export class VoteTokenFile {
  private list: string[] = [];

  private constructor(
    readonly file: string,
    private readonly backlogFile: string,
  ) {}

  /** Reads the tokens kept for `backlogFile`; none when the file does not exist. Throws when it exists but cannot be read. */
  static async open(backlogFile: string, env: NodeJS.ProcessEnv = process.env): Promise<VoteTokenFile> {
    const store = new VoteTokenFile(tokenFileOf(backlogFile, env), path.resolve(backlogFile));
    let text: string | undefined;
    try {
      text = await readFile(store.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new Error(`${store.file} is not valid JSON, so your anonymous votes cannot be found. Fix or remove it.`);
      }
      const tokens = isRecord(data) && Array.isArray(data.tokens) ? data.tokens : [];
      store.list = tokens.filter((t): t is string => typeof t === 'string' && isVoteToken(t));
    }
    return store;
  }

  get tokens(): ReadonlySet<string> {
    return new Set(this.list);
  }

  /** Keeps `token`; resolves once it is on disk, so no vote reaches the backlog that its voter could not withdraw. */
  async add(token: string): Promise<void> {
    if (this.list.includes(token)) return;
    this.list = [...this.list, token].slice(-MAX_KEPT_TOKENS);
    await this.save();
  }

  /** Forgets tokens whose votes left the backlog. */
  async remove(tokens: readonly string[]): Promise<void> {
    const gone = new Set(tokens);
    if (!this.list.some((t) => gone.has(t))) return;
    this.list = this.list.filter((t) => !gone.has(t));
    await this.save();
  }

  /** Writes through a temp file created with mode 0600 and renames it over the file, so no other user can ever read it. */
  private async save(): Promise<void> {
    const folder = path.dirname(this.file);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await chmod(folder, 0o700).catch(() => undefined);
    const temp = path.join(folder, `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify({ backlog: this.backlogFile, tokens: this.list }, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
