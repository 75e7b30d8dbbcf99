export * from './result';
export * from './search-keys';
export * from './requisites';
export * from './contact-info';
