import numberToWordsRu from 'number-to-words-ru';
import { money, type Dec } from '../money';

/**
 * An amount in rubles written out as Russian print forms want it («сумма прописью»): the rubles in words, the
 * kopecks in digits, both nouns agreeing with their number — «Тридцать семь тысяч тридцать семь рублей 01 копейка».
 * The amount is rounded to kopecks first and passed on as a string, so no float ever touches it.
 */
export function amountInWords(amount: string | Dec): string {
  return numberToWordsRu.convert(money(amount), {
    currency: 'rub',
    declension: 'nominative',
    convertMinusSignToWord: true,
    showNumberParts: { integer: true, fractional: true },
    convertNumberToWords: { integer: true, fractional: false },
    showCurrency: { integer: true, fractional: true },
  });
}
