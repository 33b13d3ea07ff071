import * as path from 'node:path';

export const DEFAULT_DATA_FILE = 'stupid-work.json';

export type DataPathResult = { ok: true; path: string } | { ok: false; message: string };

const SETTING = 'stupidWork.dataFile';

function reject(problem: string): DataPathResult {
  return { ok: false, message: `The setting ${SETTING} ${problem} It must name a .json file inside the workspace folder, such as "${DEFAULT_DATA_FILE}".` };
}

/**
 * Where the backlog lives. The setting is shared through the repository, so it is treated as
 * untrusted: it may only point inside the folder, whatever separator style it is written in.
 */
export function resolveDataPath(folderFsPath: string, setting: string | undefined): DataPathResult {
  const raw = setting ?? DEFAULT_DATA_FILE;
  const value = raw.trim();
  if (value === '') return reject('is empty.');
  if (value.includes('\0')) return reject('contains a null character.');
  const slashed = value.replace(/\\/g, '/');
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    return reject(`is an absolute path ("${raw}").`);
  }
  const relative = path.posix.normalize(slashed);
  if (relative === '..' || relative.startsWith('../')) return reject(`points outside the workspace folder ("${raw}").`);
  const name = path.posix.basename(relative);
  if (!/.\.json$/i.test(name) || relative.endsWith('/')) return reject(`does not name a .json file ("${raw}").`);
  const resolved = path.join(folderFsPath, ...relative.split('/'));
  const back = path.relative(folderFsPath, resolved);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) return reject(`points outside the workspace folder ("${raw}").`);
  return { ok: true, path: resolved };
}
