/** Claim matching: paraphrases match, numbers are numbers in any writing, changed numbers never match. */
import { describe, expect, it } from 'vitest';
import { numbersIn, signatureOf, similarity, SIMILARITY_THRESHOLD } from '@/lib/claims/similarity';

const sim = (a: string, b: string, lang = 'de') => similarity(signatureOf({ statement: a, quote: '' }, lang), signatureOf({ statement: b, quote: '' }, lang));

describe('numbers', () => {
  it('reads 48 Millionen, 48 million and 48.000.000 as one number, and decimal commas the German way', () => {
    expect(numbersIn('48 Millionen', 'de')).toEqual(['48000000']);
    expect(numbersIn('48 million', 'en')).toEqual(['48000000']);
    expect(numbersIn('48.000.000', 'de')).toEqual(['48000000']);
    expect(numbersIn('48 millones', 'es')).toEqual(['48000000']);
    expect(numbersIn('6,1 Prozent', 'de')).toEqual(['6.1%']);
    expect(numbersIn('1,200 people and 4.5 percent', 'en')).toEqual(['1200', '4.5%']);
  });
});

describe('similarity', () => {
  it('matches the same claim in other words, and in another article', () => {
    expect(sim('In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert.', 'Tomahawk-fähige MK-41-Startanlagen in Polen')).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(sim('Die Arbeitslosenquote stieg im Januar auf 6,1 Prozent.', 'Im Januar stieg die Arbeitslosenquote auf 6,1 Prozent.')).toBeGreaterThan(0.6);
    expect(sim('Unemployment fell to 3.5 percent in 2019.', 'In 2019, unemployment fell to 3.5 percent.', 'en')).toBeGreaterThan(0.6);
  });
  it('does not match when a number changed, however alike the words', () => {
    expect(sim('Deutschland hat 48 Millionen Einwohner.', 'Deutschland hat 47 Millionen Einwohner.')).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(sim('Die Arbeitslosenquote stieg auf 6,1 Prozent.', 'Die Arbeitslosenquote stieg auf 6,4 Prozent.')).toBeLessThan(SIMILARITY_THRESHOLD);
  });
  it('does not match different claims', () => {
    expect(sim('Die NATO will weiter reden.', 'Die Inflation lag im Oktober bei 2,4 Prozent.')).toBeLessThan(0.1);
  });
});

describe('the language of a sentence', () => {
  it('reads a Spanish quote inside a German article as Spanish, and short text as the document says', async () => {
    const { sentenceLanguage } = await import('@/lib/i18n/detect');
    expect(sentenceLanguage('El mandatario de Rusia declaró sentirse preocupado frente al incremento de la presencia militar estadounidense.', 'de')).toBe('es');
    expect(sentenceLanguage('Die NATO geht davon aus, dass sie das Recht der Ukraine auf Beitritt nicht kompromittieren wird.', 'en')).toBe('de');
    expect(sentenceLanguage('Putin warnt.', 'de')).toBe('de');
  });
});
