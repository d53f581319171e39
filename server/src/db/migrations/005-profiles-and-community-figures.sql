-- Issue 10: a region keeps the standards profile it is judged by, and communities carry the figures
-- the new rules and Jishou's 村改社区 case read (data/geojson/README.md describes each field).

-- A region made by an import (or loaded from a region.json naming none) starts with the national
-- profile: no city's rules are assumed for it. The ids are those of core/standards/profiles.ts.
ALTER TABLE regions ADD COLUMN profile text NOT NULL DEFAULT 'national'
  CHECK (profile IN ('national', 'jishou', 'kaili', 'leshan', 'linjiang', 'qujing'));

-- The shipped demo's region.json now names Leshan's profile (its rules were designed around it):
-- a database that loaded the demo before this migration is given the same.
UPDATE regions SET profile = 'leshan' WHERE id = 'demo' AND synthetic;

-- The rural community (农村社区): a village turned community, as Jishou's seven rural applicants.
ALTER TABLE communities DROP CONSTRAINT communities_type_check;
ALTER TABLE communities ADD CONSTRAINT communities_type_check
  CHECK (type IN ('urban', 'fringe', 'relocation', 'township', 'village', 'rural', 'new'));

-- application_target: what a village applied to become (城市社区 urban, 农村社区 rural).
-- station_provenance: how its service station's rooms were obtained (新建, 改建, 购置, 租用).
-- activity_floor_share: resident activity space ÷ the station's floor area, 0–1.
-- commercial_floor_share: commerce and services ÷ the community's total floor area, 0–1.
-- seat_kind: the seat a township community sits at. Null wherever the data does not say.
ALTER TABLE communities
  ADD COLUMN application_target text CHECK (application_target IN ('urban', 'rural')),
  ADD COLUMN station_provenance text CHECK (station_provenance IN ('new', 'rebuilt', 'bought', 'rented')),
  ADD COLUMN activity_floor_share double precision CHECK (activity_floor_share BETWEEN 0 AND 1),
  ADD COLUMN commercial_floor_share double precision CHECK (commercial_floor_share BETWEEN 0 AND 1),
  ADD COLUMN parking_spaces integer CHECK (parking_spaces >= 0),
  ADD COLUMN seat_kind text CHECK (seat_kind IN ('county-seat', 'township-seat', 'former-township-seat'));

-- Scenario communities take the same type and columns, so a scenario can convert a village into a
-- rural community and keep these figures once its SQL copies them.
ALTER TABLE scenario_communities DROP CONSTRAINT scenario_communities_type_check;
ALTER TABLE scenario_communities ADD CONSTRAINT scenario_communities_type_check
  CHECK (type IN ('urban', 'fringe', 'relocation', 'township', 'village', 'rural', 'new'));

ALTER TABLE scenario_communities
  ADD COLUMN application_target text CHECK (application_target IN ('urban', 'rural')),
  ADD COLUMN station_provenance text CHECK (station_provenance IN ('new', 'rebuilt', 'bought', 'rented')),
  ADD COLUMN activity_floor_share double precision CHECK (activity_floor_share BETWEEN 0 AND 1),
  ADD COLUMN commercial_floor_share double precision CHECK (commercial_floor_share BETWEEN 0 AND 1),
  ADD COLUMN parking_spaces integer CHECK (parking_spaces >= 0),
  ADD COLUMN seat_kind text CHECK (seat_kind IN ('county-seat', 'township-seat', 'former-township-seat'));

-- The rest of the figures the standards read (core/standards/community-figures.ts): police and
-- auxiliary police per community (000, 002), the station's opening hours a day (003, 004), whether
-- the community is a newly built residential area (002's parking, refuse and toilet rules), and the
-- name of the seat a township community sits at where a street has more than one.
ALTER TABLE communities
  ADD COLUMN police_officers integer CHECK (police_officers >= 0),
  ADD COLUMN auxiliary_police_officers integer CHECK (auxiliary_police_officers >= 0),
  ADD COLUMN opening_hours_per_day double precision CHECK (opening_hours_per_day BETWEEN 0 AND 24),
  ADD COLUMN new_residential_area boolean,
  ADD COLUMN seat_name text;
ALTER TABLE scenario_communities
  ADD COLUMN police_officers integer CHECK (police_officers >= 0),
  ADD COLUMN auxiliary_police_officers integer CHECK (auxiliary_police_officers >= 0),
  ADD COLUMN opening_hours_per_day double precision CHECK (opening_hours_per_day BETWEEN 0 AND 24),
  ADD COLUMN new_residential_area boolean,
  ADD COLUMN seat_name text;

-- A facility's land area, m² (002: a refuse-collection station on at least 120 m² of land).
ALTER TABLE facilities ADD COLUMN land_area_square_meters double precision CHECK (land_area_square_meters >= 0);
