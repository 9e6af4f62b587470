/** The React binding of the vanilla store: a context provider and a selector hook. */
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabStore } from './create-lab-store.ts';
import type { LabState } from './lab-state.ts';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

export function useLab<T>(selector: (state: LabState) => T): T {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab must be used inside <LabStoreProvider>.');
  return useStore(store, selector);
}
