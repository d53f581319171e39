import { describe, expect, it } from 'vitest';
import { profileCatalogue, profileCatalogues } from './catalogue.js';
import { TOOL_DEFAULTS } from './tool-defaults.js';

describe('profileCatalogue', () => {
  it('lists each profile with its own documents and rules, thresholds written out', () => {
    const leshan = profileCatalogue('leshan');
    expect(leshan.documents.map((document) => [document.title, document.issuer])).toEqual([
      ['《乐山市“十四五”城乡社区发展治理规划》', '乐山市民政局、中共乐山市委组织部、中共乐山市委政法委'],
    ]);
    const provenance = leshan.rules.find((rule) => rule.ruleId === 'area.leshan.min')!;
    expect(provenance.thresholdText.zh).toBe('新建 ≥ 500；改建扩建、购置、租用 ≥ 300');
    expect(leshan.rules.find((rule) => rule.ruleId === 'township.seat')!.thresholdText.en).toContain(
      'county seat no limit',
    );
    const kaili = profileCatalogue('kaili');
    expect(kaili.rules.find((rule) => rule.ruleId === 'area.urban.min')!.thresholdText.zh).toBe(
      '常住人口 < 5 000：≥ 600；≥ 5 000：≥ 800',
    );
    expect(profileCatalogue('qujing').documents[0]).toMatchObject({
      year: 2022,
      issuer: '曲靖市人民政府办公室',
    });
  });

  it('marks the tool’s own figures and fills in the settings in force', () => {
    const national = profileCatalogue('national', { ...TOOL_DEFAULTS, reachShare: 0.9 });
    const reach = national.rules.find((rule) => rule.ruleId === 'reach.kindergarten')!;
    expect(reach).toMatchObject({ toolDefault: true, thresholdText: { zh: '≥ 90 %' } });
    expect(national.rules.find((rule) => rule.ruleId === 'area.national.min')!.toolDefault).toBe(false);
    expect(profileCatalogues().map((catalogue) => catalogue.id)).toEqual([
      'national',
      'jishou',
      'kaili',
      'leshan',
      'linjiang',
      'qujing',
    ]);
  });
});
