import { resolveFolderFile, type FolderFileResult, type FolderFileRule } from '../file/folderFile';

/** A path in the code tree that the setting may name, as its messages suggest. */
export const EXAMPLE_SUMMARY_PATH = 'docs/retros/{date}.md';

/** The folder of the backlog branch that saved retro summaries go to. */
export const BRANCH_SUMMARY_FOLDER = 'retros';

export type SummaryPathResult = FolderFileResult;

/**
 * Where "Save to Repository" puts a summary: on the backlog branch, shared with the team by Sync,
 * unless the person chose a path in their code tree with `stupidWork.retro.summaryPath`.
 */
export type SummaryTarget = { kind: 'branch'; branchPath: string } | { kind: 'folder'; file: SummaryPathResult };

const RULE: FolderFileRule = { setting: 'stupidWork.retro.summaryPath', kind: 'markdown', name: /.\.(md|markdown)$/i, example: EXAMPLE_SUMMARY_PATH };

/** A summary's path on the backlog branch, `retros/<date>.md`, with the retro's date as YYYY-MM-DD. */
export function branchSummaryPath(date: string): string {
  return `${BRANCH_SUMMARY_FOLDER}/${date}.md`;
}

/** Where a summary is saved in the code tree: the setting, inside the folder, with `{date}` replaced by the retro's date. */
export function resolveSummaryPath(folderFsPath: string, setting: string, date: string): SummaryPathResult {
  return resolveFolderFile(folderFsPath, setting, setting.trim().replaceAll('{date}', date), RULE);
}

/** The setting unset or blank keeps summaries on the backlog branch; anything else is a path in the code tree, checked as `resolveSummaryPath` does. */
export function summaryTarget(folderFsPath: string, setting: string | undefined, date: string): SummaryTarget {
  if (setting === undefined || setting.trim() === '') return { kind: 'branch', branchPath: branchSummaryPath(date) };
  return { kind: 'folder', file: resolveSummaryPath(folderFsPath, setting, date) };
}
