/**
 * Invented place names for the demo town: estates, blocks, hamlets and facilities. Built from
 * common Chinese naming patterns so the map reads like a real county town; none names a real place.
 */

import type { Random } from './prng';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for group and phase numbers below 100). */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99)
    throw new Error(`chineseNumber: ${value} is outside 1–99`);
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

const ESTATE_PREFIXES = [
  '锦绣',
  '阳光',
  '金色',
  '书香',
  '翠湖',
  '丽景',
  '华府',
  '桂园',
  '枫林',
  '御景',
  '龙湾',
  '玉屏',
  '紫荆',
  '新港',
  '东方',
  '和平',
  '幸福',
  '康宁',
  '福苑',
  '江南',
  '盛世',
  '天元',
  '凤凰',
  '百合',
  '水岸',
  '学府',
  '梧桐',
  '银杏',
  '峒江',
  '碧水',
  '青松',
  '明珠',
  '金桂',
  '兰亭',
  '春晖',
  '朝阳',
  '锦江',
  '芙蓉',
  '翠竹',
  '望江',
  '临江',
  '映山',
  '鸿福',
  '瑞丰',
  '嘉和',
  '恒安',
  '泰和',
  '富康',
  '怡景',
  '溪岸',
  '兴隆',
  '观澜',
  '北辰',
  '南苑',
  '世纪',
  '云锦',
];
const ESTATE_SUFFIXES = [
  '花园',
  '家园',
  '小区',
  '佳苑',
  '名城',
  '雅居',
  '新城',
  '公馆',
  '丽都',
  '华庭',
  '苑',
  '城',
];
const RELOCATION_ESTATES = [
  '幸福家园',
  '同心苑',
  '新居家园',
  '安康苑',
  '感恩苑',
  '和谐家园',
  '安居苑',
  '乐业家园',
  '兴业苑',
  '新生家园',
];

/** Hands out estate names, each at most once, in a seeded order. */
export class EstateNamer {
  private readonly pool: string[];
  private readonly relocationPool: string[];
  private next = 0;
  private nextRelocation = 0;

  constructor(random: Random) {
    const combinations: string[] = [];
    for (const prefix of ESTATE_PREFIXES)
      for (const suffix of ESTATE_SUFFIXES) combinations.push(prefix + suffix);
    this.pool = random.shuffled(combinations);
    this.relocationPool = random.shuffled(RELOCATION_ESTATES);
  }

  /** A fresh estate name (e.g. 锦绣花园). */
  estate(): string {
    if (this.next >= this.pool.length)
      throw new Error(`EstateNamer: all ${this.pool.length} estate names used`);
    return this.pool[this.next++];
  }

  /** A fresh name for a relocation-settlement estate (e.g. 同心苑), numbered once the list runs out. */
  relocationEstate(): string {
    const base = this.relocationPool[this.nextRelocation % this.relocationPool.length];
    const round = Math.floor(this.nextRelocation / this.relocationPool.length);
    this.nextRelocation++;
    return round === 0 ? base : `${base}${chineseNumber(round + 1)}区`;
  }
}

/** Phase names of an estate's units (一期, 二期 …). */
export function estatePhase(estateName: string, phase: number, phases: number): string {
  return phases === 1 ? estateName : `${estateName}${chineseNumber(phase)}期`;
}

/** Quarter names of an open block's cells, by position south-west, south-east, north-west, north-east. */
export const BLOCK_QUARTERS = ['西南片', '东南片', '西北片', '东北片'] as const;

/** Name of facility number `ordinal` of a kind in a place: 滨江幼儿园, 滨江第二幼儿园 … */
export function numberedName(place: string, kind: string, ordinal: number): string {
  return ordinal === 1 ? `${place}${kind}` : `${place}第${chineseNumber(ordinal)}${kind}`;
}
