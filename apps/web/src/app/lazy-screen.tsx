import { Component, Suspense, lazy } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveOpenWork } from '../safety/open-work.ts';

/**
 * A screen fetched when first opened (decision 190). The service worker precaches every such chunk,
 * so it opens offline; if it still cannot be fetched (offline before the app was ever stored on this
 * device, or a tab left open across an update whose old chunks are gone), the user reads why and the
 * rest of the app, and every record, stay as they are. Never a blank page. "Try again" stores any open
 * work and reloads the app: browsers remember a failed module fetch for the page's life, so only a
 * reload fetches it again.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P & { fallback?: ReactNode }> {
  const Screen = lazy(() => load().then((c) => ({ default: c })));
  const retry = () => {
    void saveOpenWork()
      .catch(() => undefined)
      .then(() => window.location.reload());
  };
  return function LazyScreen(props: P & { fallback?: ReactNode }) {
    return (
      <Unavailable onRetry={retry}>
        <Suspense fallback={props.fallback ?? <Loading />}>
          <Screen {...props} />
        </Suspense>
      </Unavailable>
    );
  };
}

function Loading() {
  const { t } = useTranslation();
  return <p>{t('loading')}</p>;
}

function Problem(props: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <p role="alert">
      {t('screenUnavailable')}{' '}
      <button type="button" onClick={props.onRetry}>
        {t('tryAgain')}
      </button>
    </p>
  );
}

class Unavailable extends Component<{ onRetry: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return <Problem onRetry={this.props.onRetry} />;
  }
}
