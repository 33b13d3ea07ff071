import * as path from 'node:path';
import type { FileKind, SettingMessage } from '../text/messages';

export type FolderFileResult = { ok: true; path: string; relative: string } | { ok: false; message: SettingMessage };

/** What a setting that names a file inside the workspace folder must look like. */
export interface FolderFileRule {
  setting: string;
  kind: FileKind;
  /** Tested against the file name. */
  name: RegExp;
  example: string;
}

/**
 * Resolves `value` (the setting `raw`, after any substitution) inside the folder. Such settings are
 * shared through the repository, so they are untrusted: they may only point inside the folder,
 * whatever separator style they are written in.
 */
export function resolveFolderFile(folderFsPath: string, raw: string, value: string, rule: FolderFileRule): FolderFileResult {
  const reject = (problem: SettingMessage['problem']): FolderFileResult => ({
    ok: false,
    message: { code: 'setting.badFile', setting: rule.setting, kind: rule.kind, example: rule.example, problem, raw },
  });
  if (value === '') return reject('empty');
  if (value.includes('\0')) return reject('nul');
  const slashed = value.replace(/\\/g, '/');
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    return reject('absolute');
  }
  const relative = path.posix.normalize(slashed);
  if (relative === '..' || relative.startsWith('../')) return reject('outside');
  if (!rule.name.test(path.posix.basename(relative)) || relative.endsWith('/')) return reject('wrongKind');
  const resolved = path.join(folderFsPath, ...relative.split('/'));
  const back = path.relative(folderFsPath, resolved);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) return reject('outside');
  return { ok: true, path: resolved, relative };
}
