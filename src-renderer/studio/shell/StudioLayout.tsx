import { CanvasArea } from './CanvasArea.js';
import { ChatDock } from '../chat/ChatDock.js';
import { AnalyticsPanel } from '../analytics/AnalyticsPanel.js';
import { GoLivePanel } from '../live/GoLivePanel.js';
import { SchedulePanel } from '../schedules/SchedulePanel.js';
import { GuestConsoleLayer } from '../guests/CohostOverlays.js';
import { GuestsPanel } from '../guests/GuestsPanel.js';
import { HealthStrip } from '../live/health/HealthStrip.js';
import { UndoNotices } from '../chat/people/UndoNotices.js';
import { ShortcutsOverlay } from './shortcuts/ShortcutsOverlay.js';
import { MixerPanel } from '../media/mixer/MixerPanel.js';
import { PastLivesPanel } from '../replays/PastLivesPanel.js';
import { PropertiesPanel } from '../sources/PropertiesPanel.js';
import { ScenesPanel } from '../scenes/ScenesPanel.js';
import { SourcesPanel } from '../sources/SourcesPanel.js';
import { TopBar } from './TopBar.js';
import { useHotkeys } from './use-hotkeys.js';

/** The dark, OBS-like studio: scenes and sources left, canvases centre, live controls and chat right. */
export function StudioLayout() {
  useHotkeys();
  return (
    <div className="studio">
      <TopBar />
      <aside className="col-left">
        <ScenesPanel />
        <SourcesPanel />
      </aside>
      <main className="col-centre">
        <HealthStrip />
        <CanvasArea />
        <div className="under-canvas">
          <PropertiesPanel />
          <MixerPanel />
        </div>
      </main>
      <aside className="col-right">
        <GoLivePanel />
        <SchedulePanel />
        <AnalyticsPanel />
        <GuestsPanel />
        <PastLivesPanel />
        <ChatDock />
      </aside>
      <GuestConsoleLayer />
      <UndoNotices />
      <ShortcutsOverlay />
    </div>
  );
}
