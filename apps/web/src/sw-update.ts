import { Workbox } from 'workbox-window';

/**
 * Register the service worker with workbox-window. A new version never takes over by itself:
 * the app is told, and the user decides when to reload (after saving any draft).
 */
export function registerServiceWorker(onUpdateReady: (activate: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
