import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../src-main/menu.js';
import type { MenuCommand } from '../../../protocol/ipc.js';

function build(language: 'en' | 'fr', isDev = false) {
  const commands: MenuCommand[] = [];
  const template = buildMenuTemplate({
    language,
    isMac: false,
    isDev,
    onCommand: (command) => commands.push(command),
    onShowRecordings: () => undefined,
    onOpenRelay: () => undefined,
  });
  return { template, commands };
}

const items = (menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(menu?.submenu) ? menu.submenu : [];
const click = (item: MenuItemConstructorOptions | undefined): void => {
  // Electron passes the item, window and event; our handlers ignore them.
  (item?.click as (() => void) | undefined)?.();
};

describe('application menu', () => {
  it('has File, Edit, View, Window and Help', () => {
    expect(build('en').template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(build('fr').template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(build('en').template[3]?.role).toBe('windowMenu');
  });

  it('every studio command has an item whose id is the command', () => {
    const { template, commands } = build('en');
    const all = template.flatMap(items);
    const expected: MenuCommand[] = ['scene:new', 'scene:save', 'live:toggle', 'recording:toggle', 'settings:open', 'studio-mode:toggle'];
    for (const command of expected) click(all.find((item) => item.id === command));
    expect(commands).toEqual(expected);
  });

  it('sends studio commands with their accelerators', () => {
    const { template, commands } = build('en');
    const file = items(template[0]);
    const live = file.find((item) => item.label === 'Go Live / End Live');
    expect(live?.accelerator).toBe('CmdOrCtrl+Shift+L');
    click(live);
    click(file.find((item) => item.accelerator === 'CmdOrCtrl+N'));
    expect(commands).toEqual(['live:toggle', 'scene:new']);
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isDev: boolean) => items(build('en', isDev).template[2]).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
