import { ExportPanel } from './ExportPanel.tsx';
import { SyncPicture } from './SyncPicture.tsx';

export { OFFICER_ROLES } from './officer-roles.ts';

/** The data officer's views of the mission. They need the server: nothing here is kept on the device. */
export function OfficerViews(props: { mission: string; device: string | null }) {
  return (
    <div className="officer">
      <SyncPicture mission={props.mission} thisDevice={props.device} />
      <ExportPanel mission={props.mission} />
    </div>
  );
}
