import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORY_IDS } from './facility-categories.js';
import {
  evaluateCommunity,
  RULE_MISSING_DATA,
  RULE_NOT_FOR_TYPE,
  type CommunityFigures,
} from './evaluate-rules.js';
import { STANDARDS_PROFILE_IDS } from './profiles.js';
import { RULES, rulesOfProfile } from './rules.js';

const SEED_SOURCES = new Set(['000', '001', '002', '003', '004', 'GB 50180-2018']);

/** 滨江社区 of the demo: an urban community above the 12 000-resident band. */
const binjiang: CommunityFigures = {
  type: 'urban',
  residents: 13_480,
  households: 4_736,
  serviceFloorAreaSquareMeters: 1_630,
  staff: 28,
  socialWorkers: 3,
  grids: 13,
  gridWorkers: 13,
  agriculturalLandShare: null,
  developmentProgress: null,
};

function resultOf(
  profile: (typeof STANDARDS_PROFILE_IDS)[number],
  figures: CommunityFigures,
  ruleId: string,
) {
  const result = evaluateCommunity(profile, figures).find((candidate) => candidate.ruleId === ruleId);
  if (!result) throw new Error(`profile ${profile} does not check ${ruleId}`);
  return result;
}

describe('the rule table', () => {
  it('gives every rule a unique id, known sources, both languages and at least one profile', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const source of rule.sources) expect(SEED_SOURCES.has(source), `${rule.id}: ${source}`).toBe(true);
      for (const text of [rule.title, rule.advice, rule.unit]) {
        expect(text.zh.length, rule.id).toBeGreaterThan(0);
        expect(text.en.length, rule.id).toBeGreaterThan(0);
      }
      expect(Object.keys(rule.thresholds).length, rule.id).toBeGreaterThan(0);
      if (rule.measure.startsWith('coveredShare:')) {
        expect(FACILITY_CATEGORY_IDS).toContain(rule.measure.slice('coveredShare:'.length));
      }
    }
  });

  it('holds every profile to its own document’s rules', () => {
    for (const profile of STANDARDS_PROFILE_IDS)
      expect(rulesOfProfile(profile).length, profile).toBeGreaterThan(2);
    const ids = (profile: (typeof STANDARDS_PROFILE_IDS)[number]) =>
      rulesOfProfile(profile).map((rule) => rule.id);
    expect(ids('kaili')).toEqual(
      expect.arrayContaining(['area.per100hh', 'area.urban.min', 'area.rural.min', 'staff.min']),
    );
    expect(ids('linjiang')).toEqual(
      expect.arrayContaining(['staff.per10k', 'staff.socialworkers', 'staff.grid', 'size.new.households']),
    );
    expect(ids('national')).toEqual(
      expect.arrayContaining(['area.per100hh', 'area.national.min', 'reach.kindergarten']),
    );
    expect(ids('national')).not.toContain('size.residents');
    expect(ids('jishou')).not.toContain('area.per100hh');
  });
});

describe('evaluateCommunity', () => {
  it('fails an urban community above its band with the figure and side, under Leshan only', () => {
    const size = resultOf('leshan', binjiang, 'size.residents');
    expect(size).toMatchObject({ status: 'fail', figure: 13_480, side: 'above', threshold: '4 500–12 000' });
    expect(resultOf('leshan', binjiang, 'size.households')).toMatchObject({ status: 'fail', side: 'above' });
    expect(evaluateCommunity('national', binjiang).some((result) => result.ruleId === 'size.residents')).toBe(
      false,
    );
  });

  it('computes ratios: floor area per 100 households and staff per 10 000 residents', () => {
    const area = resultOf('leshan', binjiang, 'area.per100hh');
    expect(area.status).toBe('pass');
    expect(area.figure).toBeCloseTo((1_630 / 4_736) * 100, 6);
    const staff = resultOf('leshan', binjiang, 'staff.per10k');
    expect(staff.figure).toBeCloseTo((28 / 13_480) * 10_000, 6);
    expect(staff.status).toBe('pass');
    expect(resultOf('leshan', { ...binjiang, staff: 20 }, 'staff.per10k').status).toBe('fail');
  });

  it('steps Kaili’s minimum floor area with population', () => {
    const small = { ...binjiang, residents: 4_000, households: 1_400, serviceFloorAreaSquareMeters: 700 };
    expect(resultOf('kaili', small, 'area.urban.min')).toMatchObject({ status: 'pass', threshold: '≥ 600' });
    expect(resultOf('kaili', { ...small, residents: 6_000 }, 'area.urban.min')).toMatchObject({
      status: 'fail',
      threshold: '≥ 800',
      side: 'below',
    });
    const village: CommunityFigures = {
      ...small,
      type: 'village',
      residents: 1_500,
      serviceFloorAreaSquareMeters: 420,
    };
    expect(resultOf('kaili', village, 'area.rural.min')).toMatchObject({
      status: 'pass',
      threshold: '≥ 400',
    });
    expect(resultOf('kaili', village, 'area.urban.min')).toMatchObject({
      status: 'not-applicable',
      reason: RULE_NOT_FOR_TYPE,
    });
  });

  it('sizes relocation communities: below 800 and above 2 000 fail on their side', () => {
    const relocation = (residents: number): CommunityFigures => ({
      ...binjiang,
      type: 'relocation',
      residents,
    });
    expect(resultOf('national', relocation(610), 'size.relocation')).toMatchObject({
      status: 'fail',
      side: 'below',
    });
    expect(resultOf('national', relocation(2_640), 'size.relocation')).toMatchObject({
      status: 'fail',
      side: 'above',
    });
    expect(resultOf('national', relocation(1_500), 'size.relocation').status).toBe('pass');
  });

  it('applies the 村改居 test: progress above half or farmland below half', () => {
    const village = (
      developmentProgress: number | null,
      agriculturalLandShare: number | null,
    ): CommunityFigures => ({
      ...binjiang,
      type: 'village',
      developmentProgress,
      agriculturalLandShare,
    });
    expect(resultOf('leshan', village(0.62, 0.7), 'village.conversion')).toMatchObject({
      status: 'pass',
      figure: 0.62,
    });
    expect(resultOf('leshan', village(0.2, 0.35), 'village.conversion')).toMatchObject({
      status: 'pass',
      figure: 0.35,
    });
    expect(resultOf('leshan', village(0.5, 0.5), 'village.conversion').status).toBe('fail');
    expect(resultOf('leshan', village(null, null), 'village.conversion')).toMatchObject({
      status: 'not-applicable',
      reason: RULE_MISSING_DATA,
    });
    expect(resultOf('leshan', binjiang, 'village.conversion').reason).toBe(RULE_NOT_FOR_TYPE);
  });

  it('says a rule cannot be judged when its figure is missing, instead of passing it', () => {
    expect(resultOf('linjiang', binjiang, 'area.activity.share')).toMatchObject({
      status: 'not-applicable',
      reason: RULE_MISSING_DATA,
    });
    expect(resultOf('national', binjiang, 'reach.kindergarten').reason).toBe(RULE_MISSING_DATA);
    const covered = { ...binjiang, coveredShareByCategory: { kindergarten: 0.55 } };
    expect(resultOf('national', covered, 'reach.kindergarten')).toMatchObject({
      status: 'fail',
      figure: 0.55,
      threshold: '≥ 80 %',
    });
    expect(
      resultOf('national', { ...binjiang, households: 0, serviceFloorAreaSquareMeters: 400 }, 'area.per100hh')
        .reason,
    ).toBe(RULE_MISSING_DATA);
  });

  it('checks one grid worker per grid', () => {
    expect(resultOf('qujing', binjiang, 'staff.grid').status).toBe('pass');
    expect(resultOf('qujing', { ...binjiang, gridWorkers: 10 }, 'staff.grid')).toMatchObject({
      status: 'fail',
      side: 'below',
    });
  });
});
