import * as path from 'node:path';

export type FolderFileResult = { ok: true; path: string; relative: string } | { ok: false; message: string };

/** What a setting that names a file inside the workspace folder must look like. */
export interface FolderFileRule {
  setting: string;
  /** For example ".json file". */
  kind: string;
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
  const reject = (problem: string): FolderFileResult => ({
    ok: false,
    message: `The setting ${rule.setting} ${problem} It must name a ${rule.kind} inside the workspace folder, such as "${rule.example}".`,
  });
  if (value === '') return reject('is empty.');
  if (value.includes('\0')) return reject('contains a null character.');
  const slashed = value.replace(/\\/g, '/');
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    return reject(`is an absolute path ("${raw}").`);
  }
  const relative = path.posix.normalize(slashed);
  if (relative === '..' || relative.startsWith('../')) return reject(`points outside the workspace folder ("${raw}").`);
  if (!rule.name.test(path.posix.basename(relative)) || relative.endsWith('/')) return reject(`does not name a ${rule.kind} ("${raw}").`);
  const resolved = path.join(folderFsPath, ...relative.split('/'));
  const back = path.relative(folderFsPath, resolved);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) return reject(`points outside the workspace folder ("${raw}").`);
  return { ok: true, path: resolved, relative };
}
