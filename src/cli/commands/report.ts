/**
 * `stupid-work report --out DIR`: the board, its charts and the impact of the team's decisions as one
 * static page, DIR/index.html, for anyone without VS Code.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../adapters/file/atomicWrite';
import { loadReportAssets, reportHtml } from '../../adapters/report/reportPage';
import { reportData } from '../../adapters/report/reportData';
import { systemClock } from '../../core/model/calendar';
import { MAX_FILE_BYTES } from '../../core/model/model';
import { parseBacklog } from '../../core/file/parse';
import { english, englishCount } from '../../core/text/english';
import { resolveTarget, type TargetFlags } from '../cliTarget';
import { EXIT_CODES_HELP, Stop } from '../cliErrors';

/** The page's file name in DIR: what a static site serves for the folder. */
export const REPORT_PAGE = 'index.html';

async function runReport(options: { out: string; file?: string; title?: string }, command: Command): Promise<void> {
  let file: string;
  let folder: string;
  try {
    const target = resolveTarget(process.cwd(), command.optsWithGlobals<TargetFlags>());
    file = options.file ? path.resolve(process.cwd(), options.file) : target.file;
    folder = target.folder;
  } catch (error) {
    throw new Stop((error as Error).message);
  }
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES) throw new Stop(`${shown} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; no report was written.`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Stop(missing ? `${shown} does not exist; no report was written.` : `${shown} cannot be read (${(error as Error).message}); no report was written.`);
  }
  const parsed = parseBacklog(text);
  if (!parsed.ok) throw new Stop(`${shown}:${parsed.problem.line}:${parsed.problem.column}: ${english(parsed.problem.message)} No report was written; "stupid-work check" says the same.`);
  const out = path.resolve(process.cwd(), options.out);
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    throw new Stop(`${options.out} cannot be made a folder (${(error as Error).message}); no report was written.`);
  }
  const name = path.basename(folder);
  const title = options.title ?? `Stupid Work: ${name}`;
  // The bundle sits in dist/; the page's script, styles and font are beside it in the same package.
  const assets = await loadReportAssets(path.resolve(__dirname, '..'));
  const page = path.join(out, REPORT_PAGE);
  await writeFileAtomic(page, reportHtml(reportData(parsed.backlog, systemClock(), name), assets, title));
  const relative = path.relative(process.cwd(), page);
  process.stdout.write(`Wrote ${relative && !relative.startsWith('..') ? relative : page}: ${englishCount(parsed.backlog.entries.length, '{0} entry', '{0} entries')}, one page with no network access, to open from disk or publish as is.\n`);
}

/** Adds `report` to the program. */
export function registerReport(cli: Command): void {
  cli
    .command('report')
    .description('write the board, its charts and the impact in hours as one static HTML page (DIR/index.html)')
    .requiredOption('--out <dir>', 'the folder to write index.html into (made if missing)')
    .option('--file <file>', 'the backlog file (default: the folder\'s, as the editor finds it)')
    .option('--title <title>', 'the page title (default: "Stupid Work: " and the folder name)')
    .addHelpText('after', `\nExample, in CI before publishing the folder as a static site:\n  $ stupid-work report --out public\n${EXIT_CODES_HELP}`)
    .action((options: { out: string; file?: string; title?: string }, command: Command) => runReport(options, command));
}
