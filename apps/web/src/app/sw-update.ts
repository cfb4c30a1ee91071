import { Workbox } from 'workbox-window';
import { saveOpenWork } from '../safety/open-work.ts';

/**
 * Register the service worker with workbox-window. A new version never takes over by itself: it
 * waits (vite-plugin-pwa `registerType: 'prompt'`, no skipWaiting in the worker) until the user
 * chooses "Update now". Only then is any open draft written to the device, the waiting worker told
 * to skip waiting, and the page reloaded — once the new worker controls it. A worker activated from
 * another tab never reloads this one: the reload listener exists only after this tab's own choice.
 */
export function registerServiceWorker(onUpdateReady: (activate: () => Promise<void>) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdateReady(async () => {
      // Throws when the draft cannot be stored: then nothing reloads and the user is told.
      await saveOpenWork();
      // Another tab may have activated the new version meanwhile: nothing waits, a reload loads it.
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg?.waiting) return window.location.reload();
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
        once: true,
      });
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
