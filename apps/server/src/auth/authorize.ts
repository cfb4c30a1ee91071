import type { FastifyRequest } from 'fastify';
import { TernError } from '../errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { decide } from './permissions.ts';

/**
 * The one hook point every data route asks before touching data, both sync doors included.
 * The answer comes from the permission table in permissions.ts; nothing here grants anything itself.
 */
export type Action =
  | 'sync.push'
  | 'sync.pull'
  | 'couch.read'
  | 'couch.write'
  | 'couch.replicate'
  | 'record.delete'
  | 'case.read'
  | 'case.write'
  | 'export'
  | 'review'
  | 'forms.read'
  | 'aggregate.read'
  | 'user.manage'
  | 'mission.manage'
  | 'conflict.resolve'
  | 'audit.read'
  | 'research.read'
  | 'research.grant'
  | 'admin'
  | 'attachment.write'
  | 'attachment.read'
  | 'demography.read'
  | 'demography.write'
  | 'match.review'
  | 'profile.read'
  | 'profile.edit'
  | 'profile.review'
  | 'profile.publish'
  | 'profile.grant'
  | 'profile.resolve'
  | 'relay.accounts'
  | 'relay.status';

/**
 * Throws a TernError (401 or 403) when `req` may not do `action` in `mission`; returns when it may.
 * For the `profile.*` actions the scope is a country (ISO 3166 alpha-3), not a mission.
 */
export type Authorize = (req: FastifyRequest, action: Action, mission: string | null) => void | Promise<void>;

/**
 * Allows everything. For tests of a route's own logic only: buildApp never uses it unless a test
 * passes it explicitly.
 */
export const allowAll: Authorize = () => undefined;

/**
 * Whether `device` is retired in `mission` (false when the mission or the device is unknown). A
 * session bound to a device (its login named it) does nothing in a mission where the device is retired,
 * at either sync door or any other route (docs/decisions/221-sessions-bound-to-a-device.md).
 */
export type DeviceRetired = (device: string, mission: string) => Promise<boolean>;

export const retiredDeviceError = (device: string, mission: string) =>
  new TernError(
    'TERN_DEVICE_RETIRED',
    `Device ${device} was retired in mission ${mission}; sign in on a registered device`,
  );

/**
 * The real check: a live session, then the permission table, then the session's device (not retired
 * in the mission); every refusal is logged and audited.
 */
export function authorizeWith(audit: AuditLog, deviceRetired?: DeviceRetired): Authorize {
  return async (req, action, mission) => {
    const who = req.principal;
    if (!who && req.sessionState === 'device-retired' && req.sessionDevice && req.sessionRetiredIn) {
      await audit.append(req, {
        action,
        mission,
        outcome: 'denied',
        details: { device: req.sessionDevice, reason: 'device retired' },
      });
      throw retiredDeviceError(req.sessionDevice, req.sessionRetiredIn);
    }
    if (!who) {
      const expired = req.sessionState === 'expired';
      await audit.append(req, {
        action,
        mission,
        outcome: 'denied',
        details: { reason: expired ? 'session expired' : 'not logged in' },
      });
      throw expired
        ? new TernError(
            'TERN_AUTH_EXPIRED',
            'Your session has expired: log in again (records on the device are kept)',
          )
        : new TernError('TERN_AUTH_REQUIRED', `Log in first: ${action} needs an account`);
    }
    const d = decide(who, action, mission);
    if (!d.allowed) {
      req.log.warn({ user: who.username, role: who.role, action, mission }, 'forbidden');
      await audit.append(req, { action, mission, outcome: 'denied', details: { reason: d.reason } });
      throw new TernError('TERN_AUTH_FORBIDDEN', d.reason);
    }
    const device = req.sessionDevice;
    if (device && mission !== null && deviceRetired && (await deviceRetired(device, mission))) {
      req.log.warn({ user: who.username, action, mission, device }, 'retired device');
      await audit.append(req, {
        action,
        mission,
        outcome: 'denied',
        details: { device, reason: 'device retired' },
      });
      throw retiredDeviceError(device, mission);
    }
  };
}
