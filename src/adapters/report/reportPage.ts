/**
 * The report as one self-contained HTML file: styles, icon font, script and data all inside it, so it
 * works opened from disk (file://) and published as is to any static site. Its Content Security Policy
 * (W3C CSP Level 3) allows nothing from anywhere (`default-src 'none'`): the one script and the one style
 * element run by their SHA-256 hash, the font loads from a data: URL, and the data block is JSON that
 * no browser executes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ReportData } from '../../protocol/reportData';

/** What the page embeds besides its data: the built script, the board's styles and the icon font. */
export interface ReportAssets {
  script: string;
  /** The board's style sheets, then the report's own, in cascade order. */
  styles: string[];
  /** codicon.css with its font inlined. */
  icons: string;
}

/**
 * Reads the assets from a built copy of the extension at `root` (the folder holding dist/ and media/).
 * Rejects with the file system's error when one is missing: the build writes them all.
 */
export async function loadReportAssets(root: string): Promise<ReportAssets> {
  const read = (file: string) => readFile(path.join(root, file), 'utf8');
  const [script, controls, board, report, codicons, font] = await Promise.all([
    read('dist/report/page.js'),
    read('media/controls.css'),
    read('media/board.css'),
    read('media/report.css'),
    read('dist/codicons/codicon.css'),
    readFile(path.join(root, 'dist/codicons/codicon.ttf')),
  ]);
  const icons = codicons.replace(/url\("\.\/codicon\.ttf[^"]*"\)/, `url("data:font/ttf;base64,${font.toString('base64')}")`);
  return { script, styles: [controls, board, report], icons };
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Text for an HTML text node or a quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside a <script> element: `<` is written as \u003c, so no text in the data can
 * close the element or open a comment (HTML Standard, "restrictions for contents of script elements").
 */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The whole page; `title` is the document's title, `lang` its BCP 47 language. */
export function reportHtml(data: ReportData, assets: ReportAssets, title: string, lang = 'en'): string {
  const style = [assets.icons, ...assets.styles].join('\n');
  // A script body must not close its own element; esbuild escapes "</script" in strings it emits.
  const script = assets.script.replace(/<\/script/gi, '<\\/script');
  const csp = ["default-src 'none'", `style-src ${sha256(style)}`, `script-src ${sha256(script)}`, 'font-src data:', 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body class="report">
<header class="report-head"><h1>${escapeHtml(title)}</h1></header>
<main id="root"></main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
