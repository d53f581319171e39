/**
 * The right panel: attributes of the clicked community or facility, in readable form (Chinese
 * labels, formatted numbers, the type's size standard); a region summary when nothing is selected.
 */
import { useMemo, type ReactNode } from 'react';
import type { CommunityFeature, FacilityFeature, Region, RegionLayers } from '../../lib/api-types';
import { formatCount, formatShare, formatSquareMeters } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Judging } from '../../lib/judging';
import {
  COMMUNITY_TYPES,
  COMMUNITY_TYPE_IDS,
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  type CommunityTypeId,
} from '../../lib/standards';
import { COMMUNITY_TYPE_COLOURS, FACILITY_CATEGORY_COLOURS, cssColour } from '../../map/colours';
import type { Selection } from '../../map/deck-layers';
import { CommunityStandards } from '../standards/community-standards';
import { DetailsHead } from '../../ui/details-head';
import { IconButton } from '../../ui/icon-button';
import { Kpi } from '../../ui/kpi';
import { Panel } from '../../ui/panel';
import { Section } from '../../ui/section';
import { ValueRow } from '../../ui/value-row';
import './attribute-panel.css';

export interface AttributePanelProps {
  region: Region | null;
  data: Partial<RegionLayers>;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  /** The judging a community's rules are shown under (null until the region's profile is known). */
  judging: Judging | null;
}

export function AttributePanel({ region, data, selection, onSelect, judging }: AttributePanelProps) {
  const { t } = useI18n();
  const community =
    selection?.kind === 'community'
      ? data.communities?.features.find((feature) => feature.properties.id === selection.id)
      : undefined;
  const facility =
    selection?.kind === 'facility'
      ? data.facilities?.features.find((feature) => feature.properties.id === selection.id)
      : undefined;

  let body: ReactNode;
  if (community)
    body = (
      <CommunityDetails
        community={community}
        data={data}
        onSelect={onSelect}
        regionId={region?.id ?? null}
        judging={judging}
      />
    );
  else if (facility) body = <FacilityDetails facility={facility} data={data} onSelect={onSelect} />;
  else body = <RegionSummary region={region} data={data} />;

  return (
    <Panel
      name="attribute-panel"
      testId="attribute-panel"
      titleId="attribute-panel-title"
      title={community || facility ? t('panel.title') : t('summary.title')}
      actions={
        (community || facility) && (
          <IconButton label={t('panel.close')} onClick={() => onSelect(null)}>
            ×
          </IconButton>
        )
      }
    >
      {body}
    </Panel>
  );
}

function CommunityDetails({
  community,
  data,
  onSelect,
  regionId,
  judging,
}: {
  community: CommunityFeature;
  data: Partial<RegionLayers>;
  onSelect: (selection: Selection) => void;
  regionId: string | null;
  judging: Judging | null;
}) {
  const { t, language, localName } = useI18n();
  const p = community.properties;
  const type = COMMUNITY_TYPES[p.type];
  const streetName = useMemo(() => {
    const street = data.streets?.features.find((feature) => feature.properties.id === p.streetId);
    if (language === 'en' && street?.properties.nameEn) return street.properties.nameEn;
    return p.streetName ?? street?.properties.name ?? null;
  }, [data.streets, p.streetId, p.streetName, language]);
  const unitCount = useMemo(
    () => data.units?.features.filter((unit) => unit.properties.communityId === p.id).length,
    [data.units, p.id],
  );
  const facilities = useMemo(
    () => (data.facilities?.features ?? []).filter((facility) => facility.properties.communityId === p.id),
    [data.facilities, p.id],
  );
  const isVillage =
    p.agriculturalLandShare !== null || p.developmentProgress !== null || p.type === 'village';
  const nameInLanguage = language === 'en' && p.nameEn ? p.nameEn : p.name;

  return (
    <div className="details">
      <DetailsHead
        kind={t('panel.community')}
        name={nameInLanguage}
        nameTestId="attribute-name"
        subname={nameInLanguage !== p.name ? p.name : p.nameEn}
        type={
          <>
            <span
              className="swatch swatch-area"
              style={{ background: cssColour(COMMUNITY_TYPE_COLOURS[p.type] ?? [160, 160, 160]) }}
            />
            {type ? localName(type) : p.type}
          </>
        }
      />

      <dl className="fields">
        <ValueRow label={t('field.name')} value={p.name} />
        <ValueRow label={t('field.type')} value={type ? localName(type) : p.type} />
        <ValueRow label={t('field.street')} value={streetName} />
        <ValueRow
          label={t('field.residents')}
          value={formatCount(p.residents)}
          testId="attribute-residents"
        />
        <ValueRow
          label={t('field.households')}
          value={formatCount(p.households)}
          testId="attribute-households"
        />
        <ValueRow
          label={t('field.serviceFloorArea')}
          value={formatSquareMeters(p.serviceFloorAreaSquareMeters)}
        />
        <ValueRow label={t('field.staff')} value={formatCount(p.staff)} />
        <ValueRow label={t('field.socialWorkers')} value={formatCount(p.socialWorkers)} />
        <ValueRow label={t('field.grids')} value={formatCount(p.grids)} />
        <ValueRow label={t('field.gridWorkers')} value={formatCount(p.gridWorkers)} />
        {isVillage && (
          <ValueRow label={t('field.agriculturalLandShare')} value={formatShare(p.agriculturalLandShare)} />
        )}
        {isVillage && (
          <ValueRow label={t('field.developmentProgress')} value={formatShare(p.developmentProgress)} />
        )}
        <ValueRow label={t('field.townshipSeat')} value={p.isTownshipSeat ? t('value.yes') : t('value.no')} />
        {unitCount !== undefined && <ValueRow label={t('field.units')} value={formatCount(unitCount)} />}
      </dl>

      {regionId && judging && (
        <CommunityStandards
          regionId={regionId}
          communityId={p.id}
          judging={judging}
          streetName={(streetId) =>
            data.streets?.features.find((feature) => feature.properties.id === streetId)?.properties.name ??
            streetId
          }
        />
      )}

      <Section title={t('panel.facilitiesInCommunity')} count={formatCount(facilities.length)}>
        {facilities.length === 0 ? (
          <p className="muted">{t('panel.noFacilities')}</p>
        ) : (
          <ul className="facility-list">
            {sortFacilities(facilities).map((facility) => {
              const category = FACILITY_CATEGORIES[facility.properties.category];
              return (
                <li key={facility.properties.id}>
                  <button
                    type="button"
                    className="facility-link"
                    onClick={() => onSelect({ kind: 'facility', id: facility.properties.id })}
                  >
                    <span
                      className="swatch swatch-point"
                      style={{
                        background: cssColour(
                          FACILITY_CATEGORY_COLOURS[facility.properties.category] ?? [90, 90, 90],
                        ),
                      }}
                    />
                    <span className="facility-link-name">{facility.properties.name}</span>
                    <span className="facility-link-category">
                      {category ? localName(category) : facility.properties.category}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}

function sortFacilities(facilities: FacilityFeature[]): FacilityFeature[] {
  const order = (facility: FacilityFeature) =>
    (FACILITY_CATEGORY_IDS as readonly string[]).indexOf(facility.properties.category);
  return [...facilities].sort(
    (a, b) => order(a) - order(b) || a.properties.name.localeCompare(b.properties.name, 'zh-CN'),
  );
}

function FacilityDetails({
  facility,
  data,
  onSelect,
}: {
  facility: FacilityFeature;
  data: Partial<RegionLayers>;
  onSelect: (selection: Selection) => void;
}) {
  const { t, language, localName } = useI18n();
  const p = facility.properties;
  const category = FACILITY_CATEGORIES[p.category];
  const community = data.communities?.features.find((feature) => feature.properties.id === p.communityId);
  const communityName =
    language === 'en' && community?.properties.nameEn
      ? community.properties.nameEn
      : (p.communityName ?? community?.properties.name ?? null);

  return (
    <div className="details">
      <DetailsHead
        kind={t('panel.facility')}
        name={p.name}
        nameTestId="attribute-name"
        type={
          <>
            <span
              className="swatch swatch-point"
              style={{ background: cssColour(FACILITY_CATEGORY_COLOURS[p.category] ?? [90, 90, 90]) }}
            />
            {category ? localName(category) : p.category}
          </>
        }
      />
      <dl className="fields">
        <ValueRow label={t('field.name')} value={p.name} />
        <ValueRow label={t('field.category')} value={category ? localName(category) : p.category} />
        <ValueRow
          label={t('field.tier')}
          value={
            category
              ? category.tierMinutes === null
                ? t('tier.none')
                : t('tier.minutes', { n: category.tierMinutes })
              : null
          }
        />
        <ValueRow
          label={t('field.community')}
          value={
            communityName && community ? (
              <button
                type="button"
                className="inline-link"
                onClick={() => onSelect({ kind: 'community', id: community.properties.id })}
              >
                {communityName}
              </button>
            ) : (
              communityName
            )
          }
        />
        <ValueRow label={t('field.floorArea')} value={formatSquareMeters(p.floorAreaSquareMeters)} />
        <ValueRow label={t('field.capacity')} value={formatCount(p.capacity)} />
      </dl>
    </div>
  );
}

function RegionSummary({ region, data }: { region: Region | null; data: Partial<RegionLayers> }) {
  const { t, localName } = useI18n();
  const totals = useMemo(() => {
    const communities = data.communities?.features ?? [];
    const byType = new Map<CommunityTypeId, number>();
    let residents = 0;
    let households = 0;
    for (const feature of communities) {
      residents += feature.properties.residents ?? 0;
      households += feature.properties.households ?? 0;
      byType.set(feature.properties.type, (byType.get(feature.properties.type) ?? 0) + 1);
    }
    return { residents, households, byType };
  }, [data.communities]);

  if (!region) return <p className="muted">{t('region.loading')}</p>;
  return (
    <div className="details">
      <p className="hint">{t('panel.empty')}</p>
      <div className="kpis">
        <Kpi label={t('summary.streets')} value={formatCount(data.streets?.features.length)} />
        <Kpi label={t('summary.communities')} value={formatCount(data.communities?.features.length)} />
        <Kpi label={t('summary.residents')} value={data.communities ? formatCount(totals.residents) : null} />
        <Kpi
          label={t('summary.households')}
          value={data.communities ? formatCount(totals.households) : null}
        />
        <Kpi label={t('summary.facilities')} value={formatCount(data.facilities?.features.length)} />
      </div>
      {totals.byType.size > 0 && (
        <Section title={t('summary.byType')}>
          <ul className="type-bars">
            {COMMUNITY_TYPE_IDS.filter((id) => totals.byType.has(id)).map((id) => {
              const count = totals.byType.get(id) ?? 0;
              const share = count / (data.communities?.features.length || 1);
              return (
                <li key={id} className="type-bar">
                  <span className="type-bar-label">{localName(COMMUNITY_TYPES[id])}</span>
                  <span className="type-bar-track">
                    <span
                      className="type-bar-fill"
                      style={{ width: `${share * 100}%`, background: cssColour(COMMUNITY_TYPE_COLOURS[id]) }}
                    />
                  </span>
                  <span className="type-bar-count">{formatCount(count)}</span>
                </li>
              );
            })}
          </ul>
        </Section>
      )}
    </div>
  );
}
