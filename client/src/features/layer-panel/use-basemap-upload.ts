/**
 * Adding a base-map file (PMTiles or MBTiles) to a region: the upload, its refusal in the server's
 * words, and the base map stored. The layers panel's button and the import wizard's base-map step
 * share it.
 */
import { useCallback, useState } from 'react';
import { uploadBasemap, type ApiError } from '../../lib/api';
import type { Basemap } from '../../lib/api-types';

export interface BasemapUpload {
  uploading: boolean;
  error: ApiError | null;
  /** The base map the last upload stored. */
  stored: Basemap | null;
  upload(file: File): Promise<void>;
}

export function useBasemapUpload(regionId: string | null, onStored: () => void): BasemapUpload {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [stored, setStored] = useState<Basemap | null>(null);
  const upload = useCallback(
    async (file: File) => {
      if (!regionId) return;
      setUploading(true);
      setError(null);
      setStored(null);
      const result = await uploadBasemap(regionId, file);
      setUploading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setStored(result.data);
      onStored();
    },
    [regionId, onStored],
  );
  return { uploading, error, stored, upload };
}
