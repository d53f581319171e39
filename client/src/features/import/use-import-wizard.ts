/**
 * The import wizard's state: the file and choices, the preview the server answered for them, and
 * the commit. Every change of a choice asks for a new preview (the server reads the file again),
 * so what is committed is exactly what the analyst last saw.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { commitImport, previewImport, type ApiError } from '../../lib/api';
import {
  commitBody,
  importRegionId,
  INITIAL_CHOICES,
  newRegionProblem,
  previewFormFields,
  withChoices,
} from './import-choices';
import type { ImportChoices, ImportPreview, NewRegion } from './import-types';

export type WizardBusy = 'preview' | 'commit' | null;

export interface ImportWizardState {
  file: File | null;
  choices: ImportChoices;
  preview: ImportPreview | null;
  busy: WizardBusy;
  /** The server's refusal of the request itself (unreadable file, bad option), not the file's problems. */
  error: ApiError | null;
  accepted: boolean;
  /** The commit's report once written. */
  committed: ImportPreview | null;
  /** The region the last commit created, for the success notice. */
  createdRegion: NewRegion | null;
  /** Changes after each commit, so the file input is emptied for the next file. */
  fileInputKey: number;
  setFile: (file: File | null) => void;
  /** Change choices and preview again; a new layer or encoding lets the server suggest the mapping anew. */
  choose: (patch: Partial<ImportChoices>) => void;
  setAccepted: (accepted: boolean) => void;
  runPreview: () => void;
  commit: () => void;
  reset: () => void;
}

/** A 409/422 answer carries the import's report (problems, scenario impact) beside the error. */
function reportIn(error: ApiError): ImportPreview | null {
  const body = error.body as Partial<ImportPreview> | undefined;
  return body && Array.isArray(body.problems) && body.file ? (body as ImportPreview) : null;
}

export interface ImportWizardOptions {
  /** The region on screen, which imports write to unless they create a new one. */
  regionId: string | null;
  /** Ids of the regions the server holds: a new region must not take one. */
  regionIds: readonly string[];
  /** After a commit: the region written to, and whether the import created it. */
  onCommitted: (regionId: string, createdRegion: boolean) => void;
}

export function useImportWizard({
  regionId,
  regionIds,
  onCommitted,
}: ImportWizardOptions): ImportWizardState {
  const [file, setFileState] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(INITIAL_CHOICES);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<WizardBusy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [committed, setCommitted] = useState<ImportPreview | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [createdRegion, setCreatedRegion] = useState<NewRegion | null>(null);
  // Only the latest preview request counts: an older answer arriving late is dropped.
  const requestRef = useRef<AbortController | null>(null);
  // A preview is asked for after the choices it depends on have been stored.
  const [previewRequest, setPreviewRequest] = useState(0);

  useEffect(() => () => requestRef.current?.abort(), []);

  useEffect(() => {
    const targetRegionId = importRegionId(regionId, choices);
    if (previewRequest === 0 || !targetRegionId || !file) return;
    // The form shows what is wrong with a new region's id or name; the server is not asked.
    if (choices.newRegion && newRegionProblem(choices.newRegion, regionIds) !== null) return;
    requestRef.current?.abort();
    const controller = new AbortController();
    requestRef.current = controller;
    setBusy('preview');
    setError(null);
    void previewImport<ImportPreview>(
      targetRegionId,
      file,
      previewFormFields(choices),
      controller.signal,
    ).then((result) => {
      if (controller.signal.aborted) return;
      setBusy(null);
      setAccepted(false);
      if (result.ok) {
        setPreview(result.data);
        // Later previews send the mapping shown, so the analyst's changes are kept.
        setChoices((previous) => ({
          ...previous,
          mapping: result.data.mapping,
          valueMap: result.data.valueMap,
        }));
      } else {
        const report = reportIn(result.error);
        setPreview(report);
        setError(report ? null : result.error);
      }
    });
    // Choices, file and region are read when a preview is asked for, not on every change: the
    // screen switching to a region just created must not preview the committed file again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewRequest]);

  const runPreview = useCallback(() => setPreviewRequest((count) => count + 1), []);

  const setFile = useCallback((next: File | null) => {
    setFileState(next);
    setPreview(null);
    setCommitted(null);
    setError(null);
    // A new file has its own columns: the server suggests the mapping again.
    setChoices((previous) => ({ ...previous, mapping: null, valueMap: null }));
    if (next) setPreviewRequest((count) => count + 1);
  }, []);

  const choose = useCallback(
    (patch: Partial<ImportChoices>) => {
      setChoices((previous) => withChoices(previous, patch));
      setCommitted(null);
      if (file) setPreviewRequest((count) => count + 1);
    },
    [file],
  );

  const commit = useCallback(() => {
    const targetRegionId = importRegionId(regionId, choices);
    if (!targetRegionId || !preview?.importId) return;
    setBusy('commit');
    setError(null);
    void commitImport<ImportPreview>(targetRegionId, preview.importId, commitBody(choices, accepted)).then(
      (result) => {
        setBusy(null);
        if (result.ok) {
          setCommitted(result.data);
          setCreatedRegion(result.data.createsRegion ? choices.newRegion : null);
          setPreview(null);
          // The next file goes to the region just written (a created one is now on screen), with the
          // server's mapping suggestion for it.
          setFileState(null);
          setFileInputKey((key) => key + 1);
          setChoices((previous) => ({
            ...previous,
            newRegion: null,
            replace: false,
            mapping: null,
            valueMap: null,
          }));
          onCommitted(targetRegionId, result.data.createsRegion);
        } else {
          const report = reportIn(result.error);
          if (report)
            setPreview((previous) => (previous ? { ...report, features: previous.features } : report));
          setError(result.error);
        }
      },
    );
  }, [regionId, preview, choices, accepted, onCommitted]);

  const reset = useCallback(() => {
    requestRef.current?.abort();
    setFileState(null);
    setPreview(null);
    setCommitted(null);
    setCreatedRegion(null);
    setError(null);
    setBusy(null);
    setAccepted(false);
    setChoices(INITIAL_CHOICES);
  }, []);

  return {
    file,
    choices,
    preview,
    busy,
    error,
    accepted,
    committed,
    createdRegion,
    fileInputKey,
    setFile,
    choose,
    setAccepted,
    runPreview,
    commit,
    reset,
  };
}
