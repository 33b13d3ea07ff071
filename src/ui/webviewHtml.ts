import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** A fresh, unguessable value per document, so only the scripts it names can run. */
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
  /** Paths relative to the extension root, under dist/webview. */
  scripts: string[];
  /** Paths relative to the extension root, under media or dist/codicons. */
  styles: string[];
  /** Static markup written by the extension, never data: scripts fill it in with textContent. */
  body: string;
}

/**
 * The document shell of every webview: a strict CSP with nonce scripts and no inline styles or
 * handlers. Whatever comes from data is added later by the script, with textContent only.
 */
export function renderWebviewHtml({ webview, extensionUri, title, scripts, styles, body }: WebviewPage): string {
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
${body}
${scripts.map((file) => `<script nonce="${once}" src="${asset(file)}"></script>`).join('\n')}
</body>
</html>`;
}
