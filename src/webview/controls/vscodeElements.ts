/**
 * Defines the VS Code-styled controls the webviews draw with, from `@vscode-elements/elements`
 * (Lit web components that read the theme's `--vscode-*` variables). Each import registers one custom
 * element; importing them one by one keeps the components a webview does not use out of its bundle.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
