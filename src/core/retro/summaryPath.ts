import { resolveFolderFile, type FolderFileResult, type FolderFileRule } from '../file/folderFile';

export const DEFAULT_SUMMARY_PATH = 'docs/retros/{date}.md';

export type SummaryPathResult = FolderFileResult;

const RULE: FolderFileRule = { setting: 'stupidWork.retro.summaryPath', kind: 'markdown', name: /.\.(md|markdown)$/i, example: DEFAULT_SUMMARY_PATH };

/** Where a retro summary is saved: the setting with `{date}` replaced by the retro's date. */
export function resolveSummaryPath(folderFsPath: string, setting: string | undefined, date: string): SummaryPathResult {
  const raw = setting ?? DEFAULT_SUMMARY_PATH;
  return resolveFolderFile(folderFsPath, raw, raw.trim().replaceAll('{date}', date), RULE);
}
