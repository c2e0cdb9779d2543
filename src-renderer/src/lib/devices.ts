import { useEffect, useSyncExternalStore } from 'react';
import type { DeviceState } from '../../../src-shared/api/methods/devices';
import { call } from './api';

/**
 * Live device states: seeded from devices.states, then kept current by the
 * backend's `device` events (only changes are pushed), so the status bar and
 * the receiving screen show a new weight as soon as the frame is parsed.
 */
const states = new Map<string, DeviceState>();
const listeners = new Set<() => void>();
let version = 0;
let seeded: Promise<void> | null = null;

function notify() {
  version++;
  for (const l of listeners) l();
}

export function applyDeviceEvent(state: DeviceState): void {
  const prev = states.get(state.id);
  // Events and the seeding call can cross: never go back to an older state.
  if (prev && prev.at > state.at) return;
  states.set(state.id, state);
  notify();
}

/** Called after devices are added or removed: the next subscriber reloads the list. */
export function reseedDevices(): void {
  seeded = null;
  states.clear();
  void seed();
}

function seed(): Promise<void> {
  seeded ??= call('devices.states', {}).then(
    (list) => {
      for (const s of list) applyDeviceEvent(s);
      notify();
    },
    () => {
      seeded = null; // signed out or offline: try again next time
    },
  );
  return seeded;
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useDeviceStates(): Map<string, DeviceState> {
  useEffect(() => void seed(), []);
  useSyncExternalStore(subscribe, () => version);
  return states;
}
