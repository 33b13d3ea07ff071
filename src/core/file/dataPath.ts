import { resolveFolderFile } from './folderFile';

export const DEFAULT_DATA_FILE = 'stupid-work.json';

export type DataPathResult = { ok: true; path: string } | { ok: false; message: string };

const RULE = { setting: 'stupidWork.dataFile', kind: '.json file', name: /.\.json$/i, example: DEFAULT_DATA_FILE };

/** Where the backlog lives, from the `stupidWork.dataFile` setting. */
export function resolveDataPath(folderFsPath: string, setting: string | undefined): DataPathResult {
  const raw = setting ?? DEFAULT_DATA_FILE;
  const result = resolveFolderFile(folderFsPath, raw, raw.trim(), RULE);
  return result.ok ? { ok: true, path: result.path } : result;
}
