// The module the playground's bundler generates from the installed plugin packages.
declare module 'ganforge:installed-plugins' {
  import type { GanPlugin } from '@ganforge/core';
  export const installedPlugins: { name: string; create: () => GanPlugin }[];
}
