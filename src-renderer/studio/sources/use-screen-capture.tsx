import { useCallback, useState, type ReactNode } from 'react';
import type { DisplaySourceInfo } from '../../platform/index.js';
import { useServices } from '../context.js';
import { ScreenPicker } from './ScreenPicker.js';

interface PickerRequest {
  sources: DisplaySourceInfo[];
  resolve: (id: string | null) => void;
}

/**
 * Screen capture through the platform, with our own picker (Electron) rendered by the caller:
 * `const { capture, picker } = useScreenCapture(); … {picker}`.
 */
export function useScreenCapture(): { capture: () => Promise<MediaStream>; picker: ReactNode } {
  const { platform } = useServices();
  const [request, setRequest] = useState<PickerRequest | null>(null);
  const capture = useCallback(
    () => platform.captureScreen((sources) => new Promise((resolve) => setRequest({ sources, resolve }))),
    [platform],
  );
  const picker = request ? (
    <ScreenPicker
      sources={request.sources}
      onDone={(id) => {
        request.resolve(id);
        setRequest(null);
      }}
    />
  ) : null;
  return { capture, picker };
}
