import { resolveFolderFile, type FolderFileRule } from './folderFile';
import type { SettingMessage } from '../text/messages';

export const DEFAULT_DATA_FILE = 'stupid-work.json';

export type DataPathResult = { ok: true; path: string } | { ok: false; message: SettingMessage };

const RULE: FolderFileRule = { setting: 'stupidWork.dataFile', kind: 'json', name: /.\.json$/i, example: DEFAULT_DATA_FILE };

/** Where the backlog lives, from the `stupidWork.dataFile` setting. */
export function resolveDataPath(folderFsPath: string, setting: string | undefined): DataPathResult {
  const raw = setting ?? DEFAULT_DATA_FILE;
  const result = resolveFolderFile(folderFsPath, raw, raw.trim(), RULE);
  return result.ok ? { ok: true, path: result.path } : result;
}
