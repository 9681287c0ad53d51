/**
 * What makes a sentence worth checking, as features a reviewer can read: numbers,
 * percentages, money, dates, comparisons, named entities, attribution, statistics words —
 * and what makes it less so: hedges, opinions, questions, exhortations. Per language
 * (English, German, Spanish; others use the English lists), plus the sentence's words, for the
 * linear model in ./model.ts. Pure, for the server and the browser.
 */

export type CheckworthyLanguage = 'en' | 'de' | 'es';

/** The interpretable features, each 0…1 (counts are capped). Their names are the reasons shown. */
export const FEATURES = [
  'number',
  'percentage',
  'money',
  'date',
  'comparison',
  'named_entity',
  'attribution',
  'statistics_word',
  'past_event',
  'quote',
  'hedge',
  'opinion',
  'question',
  'exhortation',
  'first_person',
  'second_person',
  'short',
  'long',
] as const;
export type Feature = (typeof FEATURES)[number];

interface Lexicon {
  numberWords: RegExp;
  percent: RegExp;
  money: RegExp;
  months: RegExp;
  comparison: RegExp;
  attribution: RegExp;
  statistics: RegExp;
  past: RegExp;
  hedge: RegExp;
  opinion: RegExp;
  exhortation: RegExp;
  firstPerson: RegExp;
  secondPerson: RegExp;
  /** Capitalised words that are not names (German capitalises every noun: only a few are listed; see namedEntities). */
  notNames: Set<string>;
}

const w = (words: string) => new RegExp(`(?:^|[^\\p{L}])(?:${words})(?=$|[^\\p{L}])`, 'iu');

const LEXICONS: Record<CheckworthyLanguage, Lexicon> = {
  en: {
    numberWords: w('one hundred|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|double|triple'),
    percent: /%|\bper ?cent\b|\bpercentage\b/i,
    money: /[$€£]|\b(dollars?|euros?|pounds?|cents?)\b/i,
    months: w('january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\\d\\d|last year|this year|next year|decades?|years? ago'),
    comparison: w('more|less|fewer|most|least|than|larger|largest|higher|highest|lower|lowest|bigger|biggest|smaller|smallest|increased?|decreased?|doubled|rose|risen|fell|fallen|grew|grown|record|only|every|first|last|never|always|all|none'),
    attribution: w('said|says|say|told|according to|announced|reported|claimed|claims|stated|declared|testified|admitted|confirmed|denied|warned'),
    statistics: w('tax|taxes|jobs?|unemployment|deficit|debt|budget|spending|spend|spent|economy|economic|inflation|rate|rates|income|wages?|cost|costs|prices?|percent|million|billion|trillion|voted|vote|votes|bill|law|laws|passed|cut|cuts|increase|program|programs|funding|funds|federal|government|congress|senate|military|nuclear|oil|energy|health care|insurance|medicare|social security|crime|police|country|countries|states|population|people|workers|families|students|schools|veterans|troops|weapons'),
    past: /\b\w{3,}ed\b|\b(was|were|has been|have been|had|did|went|came|made|took|gave|built|lost|won|sold|paid|signed)\b/i,
    hedge: w('might|may|maybe|perhaps|probably|possibly|could|seems?|likely|guess|suppose|hope|wish'),
    opinion: w("i think|i believe|i feel|we believe|i'm|i am|i know|in my view|my opinion|great|good|bad|wrong|right|terrible|wonderful|important|proud|love|hate"),
    exhortation: w("should|must|need to|needs to|ought to|let's|let us|have to|got to|we will|we're going to|i will|i'm going to|thank you|thanks"),
    firstPerson: w('i|me|my|mine|we|our|us'),
    secondPerson: w('you|your|yours'),
    notNames: new Set(['I', 'The', 'A', 'An', 'And', 'But', 'So', 'Now', 'Well', 'Yes', 'No', 'Mr', 'Mrs', 'Ms']),
  },
  de: {
    numberWords: w('hundert|tausend|millionen?|milliarden?|billionen?|dutzend|hälfte|doppelt|dreimal'),
    percent: /%|\bprozent\b|\bprozentpunkte?\b/i,
    money: /[$€£]|\b(euro|dollar|cent)\b/i,
    months: w('januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|(?:19|20)\\d\\d|vorjahr|letzten jahr|jahrzehnte?|vor \\w+ jahren'),
    comparison: w('mehr|weniger|meisten|am meisten|als|größer|größte|höher|höchste|niedriger|niedrigste|stieg|gestiegen|sank|gesunken|verdoppelt|rekord|nur|jede[rsn]?|erste[rsn]?|letzte[rsn]?|nie|immer|alle'),
    attribution: w('sagte|sagt|erklärte|erklärt|laut|zufolge|kündigte|teilte mit|berichtete|behauptete|warnte|betonte|bestätigte|dementierte|fügte hinzu'),
    statistics: w('steuern?|arbeitsplätze|arbeitslosigkeit|haushalt|schulden|defizit|ausgaben|wirtschaft|inflation|quote|einkommen|löhne|kosten|preise|prozent|millionen|milliarden|gesetz|beschlossen|abgestimmt|stimmte|regierung|bundestag|militär|nato|raketen|truppen|soldaten|bevölkerung|einwohner|länder|staaten'),
    past: /\b(war|waren|hat|hatte|haben|wurde|wurden|ist \w+ worden)\b|\bge\w{3,}(t|en)\b/i,
    hedge: w('vielleicht|möglicherweise|wahrscheinlich|könnte|könnten|dürfte|scheint|vermutlich|eventuell|hoffe'),
    opinion: w('ich glaube|ich denke|ich finde|meiner meinung|wir glauben|gut|schlecht|falsch|richtig|wichtig|stolz|großartig|schrecklich'),
    exhortation: w('sollte|sollten|muss|müssen|lasst uns|danke|wir werden|ich werde'),
    firstPerson: w('ich|mich|mir|mein|meine|wir|uns|unser|unsere'),
    secondPerson: w('du|dich|dir|dein|ihr|euch|euer|sie als anrede'),
    notNames: new Set(['Der', 'Die', 'Das', 'Ein', 'Eine', 'Und', 'Aber', 'Ich', 'Wir', 'Sie', 'Es', 'Er']),
  },
  es: {
    numberWords: w('cien|cientos|mil|miles|millón|millones|mil millones|billones?|docenas?|mitad|doble|triple'),
    percent: /%|\bpor ?ciento\b|\bporcentaje\b/i,
    money: /[$€£]|\b(dólares?|euros?|pesos?|céntimos?)\b/i,
    months: w('enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|(?:19|20)\\d\\d|el año pasado|décadas?|hace \\w+ años'),
    comparison: w('más|menos|mayor|menor|mayores|menores|que|máximo|mínimo|récord|aumentó|subió|bajó|cayó|duplicó|solo|sólo|cada|primer[oa]?|último|última|nunca|siempre|todos|todas'),
    attribution: w('dijo|dice|declaró|afirmó|según|anunció|informó|aseguró|advirtió|señaló|confirmó|negó|añadió'),
    statistics: w('impuestos?|empleos?|desempleo|paro|déficit|deuda|presupuesto|gasto|economía|inflación|tasa|ingresos|salarios?|costos?|precios?|millones|ley|leyes|aprobó|votó|gobierno|congreso|militar|otan|misiles|tropas|población|habitantes|países|estados'),
    past: /\b\w{3,}(ó|aron|ieron|aba|aban|ía|ían)\b|\b(fue|fueron|ha sido|han sido|había)\b/i,
    hedge: w('quizás|quizá|tal vez|acaso|probablemente|posiblemente|podría|podrían|parece|supongo|espero'),
    opinion: w('creo|pienso|me parece|en mi opinión|creemos|bueno|malo|importante|orgulloso|terrible|maravilloso'),
    exhortation: w('debemos|deberíamos|hay que|tenemos que|vamos a|gracias|debe|deben'),
    firstPerson: w('yo|me|mi|mis|nosotros|nosotras|nuestro|nuestra|nos'),
    secondPerson: w('tú|usted|ustedes|tu|tus|vosotros'),
    notNames: new Set(['El', 'La', 'Los', 'Las', 'Un', 'Una', 'Y', 'Pero', 'Yo', 'Nosotros']),
  },
};

/** The language whose lists apply to a document language ("de-AT" → de; others → en). */
export function checkworthyLanguage(tag: string | null | undefined): CheckworthyLanguage {
  const primary = (tag ?? '').split('-')[0]!.toLowerCase();
  return primary === 'de' || primary === 'es' ? primary : 'en';
}

/** Lower-case word tokens (letters and digits), for the model's word features. */
export function words(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((t) => t.replace(/[’]/g, "'"));
}

/**
 * Capitalised words inside the sentence that look like names ("Stoltenberg", "MK-41", "NATO").
 * In German every noun is capitalised, so there only acronyms, words with digits and
 * capitalised runs of two or more count.
 */
function namedEntities(sentence: string, lang: CheckworthyLanguage, notNames: Set<string>): number {
  const tokens = sentence.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  let count = 0;
  // In German, a capitalised neighbour that is not an article or pronoun makes a run of names ("Jens Stoltenberg").
  const capitalisedName = (t: string | undefined) => !!t && /^\p{Lu}/u.test(t) && !notNames.has(t);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (notNames.has(t)) continue;
    const acronym = /^\p{Lu}{2,}[\p{Lu}\p{N}-]*$/u.test(t) || /\p{L}.*\d|\d.*\p{L}/u.test(t);
    const capitalised = /^\p{Lu}\p{Ll}+/u.test(t);
    if (acronym) count++;
    else if (capitalised && (lang !== 'de' || capitalisedName(tokens[i + 1]) || (i > 1 && capitalisedName(tokens[i - 1])))) count++;
  }
  return count;
}

/** The features of one sentence, each between 0 and 1. */
export function featuresOf(sentence: string, lang: CheckworthyLanguage): Record<Feature, number> {
  const lex = LEXICONS[lang];
  const s = sentence.trim();
  const tokenCount = words(s).length;
  const digits = (s.match(/\d+(?:[.,]\d+)*/g) ?? []).filter((d) => !/^(19|20)\d\d$/.test(d)).length;
  const cap = (n: number, max: number) => Math.min(n, max) / max;
  return {
    number: cap(digits + (lex.numberWords.test(s) ? 1 : 0), 2),
    percentage: lex.percent.test(s) ? 1 : 0,
    money: lex.money.test(s) ? 1 : 0,
    date: lex.months.test(s) || /\b(19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.(\d{2,4})?/.test(s) ? 1 : 0,
    comparison: lex.comparison.test(s) || /\b\w{4,}est\b/i.test(s) ? 1 : 0,
    named_entity: cap(namedEntities(s, lang, lex.notNames), 3),
    attribution: lex.attribution.test(s) ? 1 : 0,
    statistics_word: cap((s.match(new RegExp(lex.statistics.source, 'giu')) ?? []).length, 3),
    past_event: lex.past.test(s) ? 1 : 0,
    quote: /[„“”"«»]/.test(s) ? 1 : 0,
    hedge: lex.hedge.test(s) ? 1 : 0,
    opinion: lex.opinion.test(s) ? 1 : 0,
    question: /[?¿]\s*$|\?/.test(s) ? 1 : 0,
    exhortation: lex.exhortation.test(s) ? 1 : 0,
    first_person: lex.firstPerson.test(s) ? 1 : 0,
    second_person: lex.secondPerson.test(s) ? 1 : 0,
    short: tokenCount < 7 ? 1 : 0,
    long: cap(Math.max(0, tokenCount - 12), 20),
  };
}
