/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** URL of an online MapLibre style to use instead of the offline base map drawn from the region's data. */
  readonly VITE_BASEMAP_STYLE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
