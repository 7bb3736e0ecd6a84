/**
 * Types the renderer may import (tsconfig.web.json includes this file): the `window.studio` API and
 * the shapes it carries. Type-only: nothing here runs in the renderer.
 */
export type { StudioApi } from './api.js';
export type {
  AppInfo,
  CaptureSource,
  IpcError,
  IpcErrorCode,
  IpcResult,
  Language,
  MenuCommand,
  SceneCollection,
  Settings,
  SettingsPatch,
  SettingsView,
} from '../protocol/ipc.js';
