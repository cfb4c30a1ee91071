import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '@tern/forms';
import { useFormContext } from './form-context.ts';

type View =
  | { state: 'none' | 'loading' | 'missing' | 'coming' | 'failed' }
  | { state: 'shown'; url: string; from: 'device' | 'server' };

/**
 * A media answer's file, shown as it is: an image as a picture, a sound as a player, a video as a
 * video, anything else as a download. The bytes come from this device's sealed store when it took
 * the file, else from the server for those who may read files (data officers, admins); a file not
 * uploaded yet says so. The object URL lives only while the answer is on screen.
 */
export function MediaView(props: { value: AttachmentRef; id: string }) {
  const { value: ref } = props;
  const { t } = useTranslation('form');
  const view = useFileView(ref);
  const kb = Math.max(1, Math.round(ref.size / 1024));
  if (view.state === 'loading') return <p className="media-file">{t('media.loading', { name: ref.name })}</p>;
  if (view.state === 'missing')
    return (
      <p className="media-file media-missing" data-digest={ref.digest}>
        {t('media.notUploaded', { name: ref.name, size: kb })}
      </p>
    );
  if (view.state === 'coming')
    return (
      <p className="media-file media-missing" data-digest={ref.digest}>
        {t('media.notAtRelay', { name: ref.name, size: kb })}
      </p>
    );
  if (view.state === 'failed')
    return (
      <p className="media-file media-missing" data-digest={ref.digest}>
        {t('media.unreachable', { name: ref.name })}
      </p>
    );
  if (view.state !== 'shown')
    return (
      <p className="media-file" data-digest={ref.digest}>
        {t('media.elsewhere', { name: ref.name, size: kb })}
      </p>
    );
  const type = ref.mediaType;
  const caption = t(view.from === 'device' ? 'media.attached' : 'media.fromServer', {
    name: ref.name,
    size: kb,
  });
  return (
    <>
      {type.startsWith('image/') ? (
        <img className="media-preview" src={view.url} alt={t('media.preview', { name: ref.name })} />
      ) : type.startsWith('audio/') ? (
        <audio className="media-player" controls src={view.url} aria-label={ref.name} />
      ) : type.startsWith('video/') ? (
        <video className="media-preview" controls src={view.url} aria-label={ref.name} />
      ) : null}
      <p className="media-file" data-digest={ref.digest} data-from={view.from}>
        {caption}{' '}
        <a className="media-download" href={view.url} download={ref.name}>
          {t('media.download')}
        </a>
      </p>
    </>
  );
}

/** The answer's bytes as an object URL: from the device first, else the server; revoked on change. */
function useFileView(ref: AttachmentRef): View {
  const { attachments, serverFiles } = useFormContext();
  const [view, setView] = useState<View>({ state: 'loading' });
  const { digest, mediaType } = ref;
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    const show = (blob: Blob, from: 'device' | 'server') => {
      if (!live) return;
      made = URL.createObjectURL(blob);
      setView({ state: 'shown', url: made, from });
    };
    setView({ state: 'loading' });
    void (async () => {
      const bytes = attachments ? await attachments.bytes(digest) : null;
      if (bytes) return show(new Blob([bytes], { type: mediaType }), 'device');
      if (!serverFiles) return live && setView({ state: 'none' });
      const file = await serverFiles.read(digest, mediaType);
      if (file.state === 'ok') show(file.blob, 'server');
      else if (live) setView({ state: file.state });
    })().catch(() => live && setView({ state: 'failed' }));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [digest, mediaType, attachments, serverFiles]);
  return view;
}
