import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../protocol/ipc.js';
import { strings } from '../i18n/strings.js';

type MenuKey = Extract<keyof typeof strings, `menu.${string}`>;

export interface MenuOptions {
  language: Language;
  isMac: boolean;
  isDev: boolean;
  /** Forwards a studio command to the renderer (it owns scenes, live and recording state). */
  onCommand: (command: MenuCommand) => void;
  onShowRecordings: () => void;
  onOpenRelay: () => void;
}

/** File / Edit / View / Window / Help, with accelerators; labels in the user's language. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const label = (key: MenuKey): string => strings[key][options.language];
  // The command doubles as the item's id: tests (and the `_electron` suite) click items by id.
  const command = (key: MenuKey, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: cmd,
    label: label(key),
    ...(accelerator ? { accelerator } : {}),
    click: () => options.onCommand(cmd),
  });

  const file: MenuItemConstructorOptions = {
    label: label('menu.file'),
    submenu: [
      command('menu.newScene', 'scene:new', 'CmdOrCtrl+N'),
      command('menu.saveScenes', 'scene:save', 'CmdOrCtrl+S'),
      { type: 'separator' },
      command('menu.toggleLive', 'live:toggle', 'CmdOrCtrl+Shift+L'),
      command('menu.toggleRecording', 'recording:toggle', 'CmdOrCtrl+Shift+R'),
      { id: 'recordings:show', label: label('menu.showRecordings'), click: options.onShowRecordings },
      { type: 'separator' },
      command('menu.settings', 'settings:open', 'CmdOrCtrl+,'),
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: label('menu.edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: label('menu.view'),
    submenu: [
      command('menu.studioMode', 'studio-mode:toggle', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  // Minimize / Zoom / Close, and on macOS the list of open windows and "Bring All to Front".
  const window: MenuItemConstructorOptions = { label: label('menu.window'), role: 'windowMenu' };
  const help: MenuItemConstructorOptions = {
    label: label('menu.help'),
    role: 'help',
    submenu: [{ label: label('menu.openRelay'), click: options.onOpenRelay }, ...(options.isMac ? [] : [{ role: 'about' as const }])],
  };
  const appMenu: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, edit, view, window, help];
}
