import * as path from 'node:path';

export const DEFAULT_SUMMARY_PATH = 'docs/retros/{date}.md';

export type SummaryPathResult = { ok: true; path: string; relative: string } | { ok: false; message: string };

const SETTING = 'stupidWork.retro.summaryPath';

function reject(problem: string): SummaryPathResult {
  return { ok: false, message: `The setting ${SETTING} ${problem} It must name a Markdown file inside the workspace folder, such as "${DEFAULT_SUMMARY_PATH}".` };
}

/**
 * Where a retro summary is saved: the setting with `{date}` replaced by the retro's date. The setting
 * is shared through the repository, so like the data path it may only point inside the folder.
 */
export function resolveSummaryPath(folderFsPath: string, setting: string | undefined, date: string): SummaryPathResult {
  const raw = setting ?? DEFAULT_SUMMARY_PATH;
  const value = raw.trim().replaceAll('{date}', date);
  if (value === '') return reject('is empty.');
  if (value.includes('\0')) return reject('contains a null character.');
  const slashed = value.replace(/\\/g, '/');
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    return reject(`is an absolute path ("${raw}").`);
  }
  const relative = path.posix.normalize(slashed);
  if (relative === '..' || relative.startsWith('../')) return reject(`points outside the workspace folder ("${raw}").`);
  if (!/.\.(md|markdown)$/i.test(path.posix.basename(relative)) || relative.endsWith('/')) return reject(`does not name a .md file ("${raw}").`);
  const resolved = path.join(folderFsPath, ...relative.split('/'));
  const back = path.relative(folderFsPath, resolved);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) return reject(`points outside the workspace folder ("${raw}").`);
  return { ok: true, path: resolved, relative };
}
