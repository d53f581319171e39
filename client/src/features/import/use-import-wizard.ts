/**
 * The import wizard's state: the file and choices, the preview the server answered for them, and
 * the commit. Every change of a choice asks for a new preview (the server reads the file again),
 * so what is committed is exactly what the analyst last saw.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { commitImport, previewImport, type ApiError } from '../../lib/api';
import { commitBody, previewFormFields } from './import-choices';
import type { ImportChoices, ImportPreview } from './import-types';

export type WizardBusy = 'preview' | 'commit' | null;

export interface ImportWizardState {
  file: File | null;
  choices: ImportChoices;
  preview: ImportPreview | null;
  busy: WizardBusy;
  /** The server's refusal of the request itself (unreadable file, bad option), not the file's problems. */
  error: string | null;
  accepted: boolean;
  /** The commit's report once written. */
  committed: ImportPreview | null;
  setFile: (file: File | null) => void;
  /** Change choices and preview again; a new layer lets the server suggest the mapping anew. */
  choose: (patch: Partial<ImportChoices>) => void;
  setAccepted: (accepted: boolean) => void;
  runPreview: () => void;
  commit: () => void;
  reset: () => void;
}

const INITIAL_CHOICES: ImportChoices = {
  layer: 'facilities',
  crs: '',
  encoding: '',
  mapping: null,
  valueMap: null,
  repair: false,
  swapAxes: false,
  replace: false,
};

/** A 409/422 answer carries the import's report (problems, scenario impact) beside the error. */
function reportIn(error: ApiError): ImportPreview | null {
  const body = error.body as Partial<ImportPreview> | undefined;
  return body && Array.isArray(body.problems) && body.file ? (body as ImportPreview) : null;
}

export function useImportWizard(regionId: string | null, onCommitted: () => void): ImportWizardState {
  const [file, setFileState] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(INITIAL_CHOICES);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<WizardBusy>(null);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [committed, setCommitted] = useState<ImportPreview | null>(null);
  // Only the latest preview request counts: an older answer arriving late is dropped.
  const requestRef = useRef<AbortController | null>(null);
  // A preview is asked for after the choices it depends on have been stored.
  const [previewRequest, setPreviewRequest] = useState(0);

  useEffect(() => () => requestRef.current?.abort(), []);

  useEffect(() => {
    if (previewRequest === 0 || !regionId || !file) return;
    requestRef.current?.abort();
    const controller = new AbortController();
    requestRef.current = controller;
    setBusy('preview');
    setError(null);
    void previewImport<ImportPreview>(regionId, file, previewFormFields(choices), controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setBusy(null);
      setAccepted(false);
      if (result.ok) {
        setPreview(result.data);
        // Later previews send the mapping shown, so the analyst's changes are kept.
        setChoices((previous) => ({ ...previous, mapping: result.data.mapping, valueMap: result.data.valueMap }));
      } else {
        const report = reportIn(result.error);
        setPreview(report);
        setError(report ? null : result.error.message);
      }
    });
    // Choices are read when a preview is asked for, not on every change.
  }, [previewRequest, regionId, file]);

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
      setChoices((previous) => {
        const next = { ...previous, ...patch };
        if (patch.layer && patch.layer !== previous.layer) {
          next.mapping = null;
          next.valueMap = null;
        }
        return next;
      });
      setCommitted(null);
      if (file) setPreviewRequest((count) => count + 1);
    },
    [file],
  );

  const commit = useCallback(() => {
    if (!regionId || !preview?.importId) return;
    setBusy('commit');
    setError(null);
    void commitImport<ImportPreview>(regionId, preview.importId, commitBody(choices, accepted)).then((result) => {
      setBusy(null);
      if (result.ok) {
        setCommitted(result.data);
        setPreview(null);
        onCommitted();
      } else {
        const report = reportIn(result.error);
        if (report) setPreview((previous) => (previous ? { ...report, features: previous.features } : report));
        setError(result.error.message);
      }
    });
  }, [regionId, preview, choices, accepted, onCommitted]);

  const reset = useCallback(() => {
    requestRef.current?.abort();
    setFileState(null);
    setPreview(null);
    setCommitted(null);
    setError(null);
    setBusy(null);
    setAccepted(false);
    setChoices(INITIAL_CHOICES);
  }, []);

  return { file, choices, preview, busy, error, accepted, committed, setFile, choose, setAccepted, runPreview, commit, reset };
}
