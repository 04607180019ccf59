import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { RequirePermission } from '../components/require-permission';

/** Lazy-load a named export so every page is its own chunk. */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Component = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <Component />
    </Suspense>
  );
}

const guarded = (permission: string, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

/** A page behind a permission: its own chunk, and 无权访问 for a role without the permission. */
export function route<K extends string>(
  path: string,
  permission: string,
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
) {
  return { path, element: guarded(permission, page(load, name)) };
}
