/** The React binding of the vanilla store: a context provider and selector hooks. */
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabStore } from './create-lab-store.ts';
import type { LabState } from './lab-state.ts';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

/** The store itself, for effects that act on it (routing, the play clock, shortcuts). */
export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab must be used inside <LabStoreProvider>.');
  return store;
}

/** A slice of the store's state; the component re-renders only when the selected value changes. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
