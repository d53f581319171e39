/**
 * The documents the rule table cites: the five seed documents (../shared/seeds, 000–004) and the
 * national standards standards.md names. Titles are quoted exactly as each document gives its own
 * title (with its “” quotes); issuer, number and date only as printed in the document — null where
 * the text does not say, never guessed.
 */

import type { Bilingual } from '../text/bilingual.js';

export const DOCUMENT_IDS = [
  '000',
  '001',
  '002',
  '003',
  '004',
  'GB 50180-2018',
  '国办发〔2021〕56号',
] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

export interface SourceDocument {
  id: DocumentId;
  /** The title in 《》, as the document prints it. */
  title: string;
  titleEn: string;
  /** Issuing bodies as printed (several joined by 、); null when the text names none. */
  issuer: string | null;
  /** The document number (文号) as printed, e.g. 吉民发〔2021〕48号. */
  documentNumber: string | null;
  /** Year of issue as printed; null when the text gives no date. */
  year: number | null;
  /** Date of issue as printed, ISO 8601 to the precision given (2021-11, 2020-09-21). */
  issued: string | null;
  /** The city whose profile follows it (null for a national document). */
  city: Bilingual | null;
  /** File of the seed under ../shared/seeds (null for a national document, which is not shipped). */
  seedFile: string | null;
  /** What the record leaves open, e.g. a missing issuer or date. */
  note: Bilingual | null;
}

export const SOURCE_DOCUMENTS: Readonly<Record<DocumentId, SourceDocument>> = {
  '000': {
    id: '000',
    title: '《吉首市“十四五”城市社区发展规划》',
    titleEn: 'Jishou 14th Five-Year Urban Community Development Plan (2021–2025)',
    issuer: '吉首市民政局、吉首市发展和改革局',
    documentNumber: '吉民发〔2021〕48号',
    year: 2021,
    issued: '2021-11',
    city: { zh: '吉首市', en: 'Jishou' },
    seedFile: '000_db34d63f9c1af361.txt',
    note: null,
  },
  '001': {
    id: '001',
    title: '《凯里市加强和完善城乡社区治理的工作方案》',
    titleEn: 'Kaili work plan for strengthening and improving urban and rural community governance',
    issuer: '凯里市人民政府办公室',
    documentNumber: null,
    year: 2020,
    issued: '2020-09-21',
    city: { zh: '凯里市', en: 'Kaili' },
    seedFile: '001_4702f517666a1832.txt',
    note: { zh: '通知未载文号', en: 'The notice prints no document number' },
  },
  '002': {
    id: '002',
    title: '《乐山市“十四五”城乡社区发展治理规划》',
    titleEn: 'Leshan 14th Five-Year Plan for Urban and Rural Community Development and Governance',
    issuer: '乐山市民政局、中共乐山市委组织部、中共乐山市委政法委',
    documentNumber: null,
    year: null,
    issued: null,
    city: { zh: '乐山市', en: 'Leshan' },
    seedFile: '002_7e3be70f19429ed8.txt',
    note: {
      zh: '文中未载文号和印发日期',
      en: 'The text prints neither a document number nor a date of issue',
    },
  },
  '003': {
    id: '003',
    title: '《临江市“十四五”城乡社区服务体系建设规划》',
    titleEn: 'Linjiang 14th Five-Year Plan for the Urban and Rural Community Service System',
    issuer: null,
    documentNumber: null,
    year: null,
    issued: null,
    city: { zh: '临江市', en: 'Linjiang' },
    seedFile: '003_38b093e0452f821f.txt',
    note: { zh: '文中未载印发机关、文号和日期', en: 'The text prints no issuer, document number or date' },
  },
  '004': {
    id: '004',
    title: '《曲靖市“十四五”城乡社区服务体系建设规划》',
    titleEn: 'Qujing 14th Five-Year Plan for the Urban and Rural Community Service System',
    issuer: '曲靖市人民政府办公室',
    documentNumber: null,
    year: 2022,
    issued: '2022-06-28',
    city: { zh: '曲靖市', en: 'Qujing' },
    seedFile: '004_f69d072980ae6064.txt',
    note: { zh: '通知未载文号', en: 'The notice prints no document number' },
  },
  'GB 50180-2018': {
    id: 'GB 50180-2018',
    title: '《城市居住区规划设计标准》（GB 50180—2018）',
    titleEn: 'Standard for urban residential area planning and design (GB 50180-2018)',
    issuer: '中华人民共和国住房和城乡建设部',
    documentNumber: 'GB 50180—2018',
    year: 2018,
    issued: null,
    city: null,
    seedFile: null,
    note: { zh: '国家标准，不在种子文件中', en: 'National standard, not among the seed documents' },
  },
  '国办发〔2021〕56号': {
    id: '国办发〔2021〕56号',
    title: '《“十四五”城乡社区服务体系建设规划》',
    titleEn: 'National 14th Five-Year Plan for the Urban and Rural Community Service System',
    issuer: '国务院办公厅',
    documentNumber: '国办发〔2021〕56号',
    year: 2021,
    issued: null,
    city: null,
    seedFile: null,
    note: { zh: '国家规划，不在种子文件中', en: 'National plan, not among the seed documents' },
  },
};

/** One place a rule comes from: the document, its title (for display without a lookup) and clause. */
export interface RuleSource {
  document: DocumentId;
  title: string;
  /** Where in the document, in its own numbering: 专栏2, 三、（一）1, 二、（一）1.（1）. */
  clause: string;
  /**
   * The words the figure comes from, quoted from the seed document; null for a national document,
   * which is not shipped with the project (its clause is given from standards.md, to be checked).
   */
  quote: string | null;
}

/** A source entry with the document's title filled in from SOURCE_DOCUMENTS. */
export function sourceOf(document: DocumentId, clause: string, quote: string | null): RuleSource {
  return { document, title: SOURCE_DOCUMENTS[document].title, clause, quote };
}
