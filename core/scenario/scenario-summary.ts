/**
 * What names a saved boundary scenario: the store writes it, the API answers it and the client lists it,
 * so the shape is stated once here.
 */

export interface ScenarioSummary {
  id: string;
  regionId: string;
  name: string;
  /** "baseline" or the id of the scenario it was copied from (which may since be deleted). */
  basedOn: string | null;
  /** From 1, grows by one with every save; a save must name the current version. */
  version: number;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  /** The username who created it; null for scenarios made before accounts (only administrators edit those). */
  owner: string | null;
  /** draft → submitted → approved, or returned (editable again); submitted and approved are locked. */
  reviewState: 'draft' | 'submitted' | 'approved' | 'returned';
  /** The latest review step, or null for a scenario never submitted. */
  lastReview: ReviewStep | null;
}

/** One step of a scenario's review: who submitted, approved or returned which version, and why. */
export interface ReviewStep {
  version: number;
  action: 'submit' | 'approve' | 'return';
  by: string | null;
  comment: string;
  at: string;
}
