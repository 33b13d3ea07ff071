import type { Frame } from 'playwright-core';

/*
 * Drives the webviews' VS Code-styled controls (`@vscode-elements/elements`) as a person does. Their
 * native fields live in open shadow roots, which Playwright's CSS selectors pierce; Playwright's own
 * fill, check and selectOption accept only native controls, so each helper names the part it works on.
 */

/** Types `text` into the text field or area `selector` (a `vscode-textfield` or `vscode-textarea`), replacing what was there. */
export async function fillField(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.locator(selector).locator('input, textarea').first().fill(text);
}

/** Presses `key` (Playwright's key names, e.g. `Control+Enter`) in the text field or area `selector`. */
export async function pressIn(frame: Frame, selector: string, key: string): Promise<void> {
  await frame.locator(selector).locator('input, textarea').first().press(key);
}

/** What the control `selector` holds: its `value`. */
export async function fieldValue(frame: Frame, selector: string): Promise<string> {
  return frame.$eval(selector, (node) => (node as HTMLElement & { value: string }).value);
}

/**
 * Opens the drop-down `selector` (a `vscode-single-select`) and clicks the option whose text is
 * `choice.label`, or whose value is `choice.value`.
 */
export async function chooseOption(frame: Frame, selector: string, choice: { label: string } | { value: string }): Promise<void> {
  const options = await frame.$$eval(`${selector} vscode-option`, (nodes) => nodes.map((node) => ({ value: (node as HTMLElement & { value: string }).value, label: node.textContent?.trim() ?? '' })));
  const wanted = options.find((option) => ('label' in choice ? option.label === choice.label : option.value === choice.value));
  if (!wanted) {
    throw new Error(`${selector} has no option ${JSON.stringify(choice)}; it offers ${JSON.stringify(options)}`);
  }
  const select = frame.locator(selector);
  await select.click();
  await select.getByRole('option', { name: wanted.label, exact: true }).click();
  await frame.waitForFunction(([sel, value]) => document.querySelector<HTMLElement & { value: string }>(sel)?.value === value, [selector, wanted.value]);
}

/** Ticks (or, with `checked` false, clears) the checkbox `selector` (a `vscode-checkbox`) by clicking it when it is not already so. */
export async function setChecked(frame: Frame, selector: string, checked = true): Promise<void> {
  if ((await frame.$eval(selector, (node) => (node as HTMLElement & { checked: boolean }).checked)) !== checked) {
    await frame.locator(selector).click();
  }
}

/** Whether the checkbox `selector` is ticked. */
export async function isChecked(frame: Frame, selector: string): Promise<boolean> {
  return frame.$eval(selector, (node) => (node as HTMLElement & { checked: boolean }).checked);
}

/** Types `text` key by key where the caret is in the text field or area `selector`, as a person types, rather than replacing what is there. */
export async function typeIn(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.locator(selector).locator('input, textarea').first().pressSequentially(text);
}
