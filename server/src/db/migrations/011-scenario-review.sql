-- Review of scenarios (issue 12): draft → submitted → approved or returned (with the reviewer's
-- comment). An approved scenario is locked; a new draft can be based on it. Every step is kept.

ALTER TABLE scenarios
  ADD COLUMN review_state text NOT NULL DEFAULT 'draft'
    CHECK (review_state IN ('draft', 'submitted', 'approved', 'returned'));

CREATE TABLE scenario_reviews (
  id bigserial PRIMARY KEY,
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  action text NOT NULL CHECK (action IN ('submit', 'approve', 'return')),
  username text REFERENCES app_users (username) ON DELETE SET NULL,
  comment text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenario_reviews_scenario_idx ON scenario_reviews (scenario_id, id);
