import type { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import { DEFAULT_DATA_FILE, resolveDataPath } from '../core/file/dataPath';
import { isRecord } from '../core/model/isRecord';
import { english } from '../core/text/english';
import { DEFAULT_BRANCH, type SyncSettings } from '../core/sync/backlogBranch';
import { Stop } from './cliErrors';

/** The backlog a command acts on: its workspace folder, its file and the sync settings for it. */
export interface CliTarget {
  folder: string;
  file: string;
  settings: SyncSettings;
  /** The folder's `.vscode/settings.json`, flattened (`"stupidWork.retro.voteBudget": 5`); empty when it has none. */
  config: Readonly<Record<string, unknown>>;
}

/** Flags that override `.vscode/settings.json`. */
export interface TargetFlags {
  folder?: string;
  branch?: string;
  remote?: string;
  commitAs?: string;
}

type Settings = Record<string, unknown>;

/** A setting of the target folder when it has the type of `fallback`, else `fallback` (VS Code's default for it). */
export function settingOf<T extends string | number | boolean>(target: CliTarget, key: string, fallback: T): T {
  const value = target.config[key];
  return typeof value === typeof fallback ? (value as T) : fallback;
}

/**
 * A folder's `.vscode/settings.json` (JSON with comments, as VS Code reads it), flattened so that both
 * `"stupidWork.sync.branch": …` and `"stupidWork": { "sync": { "branch": … } }` read the same.
 */
function folderSettings(folder: string): Settings | undefined {
  const file = path.join(folder, '.vscode', 'settings.json');
  if (!existsSync(file)) return undefined;
  const data: unknown = parseJsonc(readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
  const flat: Settings = {};
  const walk = (value: unknown, prefix: string) => {
    if (isRecord(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}.${key}` : key);
    } else {
      flat[prefix] = value;
    }
  };
  walk(data, '');
  return flat;
}

function repositoryTop(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function mentionsStupidWork(settings: Settings | undefined): boolean {
  return Object.keys(settings ?? {}).some((key) => key.startsWith('stupidWork.'));
}

/**
 * Which backlog a command run in `cwd` means: `--folder` if given, else the nearest folder from `cwd` up
 * to the repository's top level that holds a backlog or Stupid Work settings, else the top level.
 * Settings come from that folder's `.vscode/settings.json`, and flags override them.
 * Throws an Error with a message for people when a setting or flag is unusable.
 */
export function resolveTarget(cwd: string, flags: TargetFlags): CliTarget {
  let folder = flags.folder ? path.resolve(cwd, flags.folder) : undefined;
  if (!folder) {
    const top = repositoryTop(cwd) ?? cwd;
    for (let dir = cwd; ; dir = path.dirname(dir)) {
      const settings = folderSettings(dir);
      const dataFile = typeof settings?.['stupidWork.dataFile'] === 'string' ? settings['stupidWork.dataFile'] : DEFAULT_DATA_FILE;
      if (mentionsStupidWork(settings) || existsSync(path.join(dir, dataFile))) {
        folder = dir;
        break;
      }
      if (dir === top || path.dirname(dir) === dir) {
        folder = top;
        break;
      }
    }
  }
  const settings = folderSettings(folder) ?? {};
  const setting = (key: string) => (typeof settings[key] === 'string' ? settings[key] : undefined);
  const resolved = resolveDataPath(folder, setting('stupidWork.dataFile'));
  if (!resolved.ok) throw new Error(english(resolved.message));
  const commitAs = flags.commitAs ?? setting('stupidWork.sync.commitAs') ?? 'neutral';
  if (commitAs !== 'neutral' && commitAs !== 'me') throw new Error(`--commit-as must be "neutral" or "me", not "${commitAs}".`);
  return {
    folder,
    file: resolved.path,
    settings: {
      branch: flags.branch ?? setting('stupidWork.sync.branch') ?? DEFAULT_BRANCH,
      remote: flags.remote ?? (setting('stupidWork.sync.remote') || undefined),
      commitAs,
    },
    config: settings,
  };
}

/** `resolveTarget` for a command, from the current folder and the program's global flags; a problem ends it with exit code 1. */
export function targetOf(command: Command): CliTarget {
  try {
    return resolveTarget(process.cwd(), command.optsWithGlobals<TargetFlags>());
  } catch (error) {
    throw new Stop((error as Error).message);
  }
}
