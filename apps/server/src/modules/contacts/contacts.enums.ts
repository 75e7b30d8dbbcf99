import { registerEnumType } from 'type-graphql';

export enum LegalType {
  LEGAL_ENTITY = 'LEGAL_ENTITY',
  INDIVIDUAL = 'INDIVIDUAL',
  SOLE_PROPRIETOR = 'SOLE_PROPRIETOR',
}
registerEnumType(LegalType, {
  name: 'LegalType',
  description: 'Legal form of a counterparty («ЮрФизЛицо»).',
  valuesConfig: {
    LEGAL_ENTITY: { description: 'A company (юридическое лицо); INN has 10 digits.' },
    INDIVIDUAL: { description: 'A private person (физическое лицо); INN has 12 digits.' },
    SOLE_PROPRIETOR: { description: 'A sole proprietor (индивидуальный предприниматель); INN has 12 digits.' },
  },
});

export enum RelationType {
  CLIENT = 'CLIENT',
  POTENTIAL_CLIENT = 'POTENTIAL_CLIENT',
  SUPPLIER = 'SUPPLIER',
  COMPETITOR = 'COMPETITOR',
  PARTNER = 'PARTNER',
  OTHER = 'OTHER',
}
registerEnumType(RelationType, { name: 'RelationType', description: 'How we relate to a counterparty; one may have several.' });

export enum ContactInfoType {
  ADDRESS = 'ADDRESS',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEB_PAGE = 'WEB_PAGE',
  FAX = 'FAX',
  MESSENGER = 'MESSENGER',
  OTHER = 'OTHER',
}
registerEnumType(ContactInfoType, {
  name: 'ContactInfoType',
  description: 'Fixed type of a contact-information record; its purpose is told by its kind.',
});
