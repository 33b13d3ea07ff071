import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function nonce(): string {
  return randomBytes(16).toString('base64');
}

/** Webviews may load only the extension's own built scripts, styles and fonts. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export interface WebviewPage {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  title: string;
  /** Paths relative to the extension root. */
  scripts: string[];
  styles: string[];
}

/**
 * The document shell of every webview: a strict CSP with nonce scripts and no inline styles. The body
 * is built by the script from data, with textContent only.
 */
export function renderWebviewHtml({ webview, extensionUri, title, scripts, styles }: WebviewPage): string {
  const once = nonce();
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...file.split('/'))).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${once}'`,
  ].join('; ');
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${escape(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((file) => `<link rel="stylesheet" href="${asset(file)}">`).join('\n')}
<title>${escape(title)}</title>
</head>
<body>
<main id="root"></main>
${scripts.map((file) => `<script nonce="${once}" src="${asset(file)}"></script>`).join('\n')}
</body>
</html>`;
}
