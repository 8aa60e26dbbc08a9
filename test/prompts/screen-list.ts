/** Reading and choosing from the Inquirer list on the testing screen. */

interface Screen {
  getScreen(): string;
  keypress(key: string): void;
}

/** The items of the list under the prompt on screen, and the index of the one under the cursor. */
export function listOnScreen(screen: Screen): { items: string[]; active: number } {
  const lines = screen.getScreen().split("\n");
  const start = lines.findIndex((line) => line.startsWith("?"));
  const items: string[] = [];
  let active = -1;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") break;
    if (line.trim().startsWith("─")) continue;
    if (line.startsWith("❯")) active = items.length;
    items.push(line.slice(1).replace(/^[◯◉]/, "").trim());
  }
  return { items, active };
}

/** Moves the cursor to the item starting with `label` and presses Enter. */
export function pickOnScreen(screen: Screen, label: string): void {
  const { items, active } = listOnScreen(screen);
  const target = items.findIndex((item) => item.startsWith(label));
  if (target === -1) throw new Error(`no "${label}" in ${JSON.stringify(items)}`);
  const key = target < active ? "up" : "down";
  for (let i = 0; i < Math.abs(target - active); i++) screen.keypress(key);
  screen.keypress("enter");
}
