// The web app manifest, in its own file so a test (manifest.test.ts beside it) can check that
// every icon named here exists with the size it claims.
export const manifest = {
  name: 'Tern',
  short_name: 'Tern',
  description:
    'Offline-first case management for counter-trafficking data: screening and assistance interviews on a phone, synced when a link exists.',
  theme_color: '#0b4f6c',
  background_color: '#ffffff',
  display: 'standalone' as const,
  start_url: '/',
  icons: [
    { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** Linked from index.html for iOS, which ignores the manifest's icons. */
export const appleTouchIcon = { src: '/apple-touch-icon.png', sizes: '180x180' };
