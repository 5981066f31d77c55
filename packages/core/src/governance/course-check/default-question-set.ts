/**
 * The default course-check question set: three statements per building block and one per
 * condition for success, in Dutch and English. Rounds copy it, and the director can edit the copy.
 */
import type { CourseCheckArea, CourseCheckQuestionSet } from './course-check-schemas.ts';

function q(key: string, area: CourseCheckArea, nl: string, en: string) {
  return { key, area, text: { nl, en } };
}

/** The default question set (key `standaard`), 22 statements scored 1–5. */
export const DEFAULT_COURSE_CHECK_QUESTION_SET: CourseCheckQuestionSet = {
  key: 'standaard',
  title: { nl: 'Koerscheck (standaardvragenlijst)', en: 'Course check (default questionnaire)' },
  questions: [
    q(
      'doelen-gedeeld-beeld',
      'goals-and-vision',
      'De keten heeft een gedeeld beeld van het maatschappelijke resultaat dat we voor de doelgroep willen bereiken.',
      'The chain shares one picture of the societal result we want to achieve for the target group.',
    ),
    q(
      'doelen-concreet',
      'goals-and-vision',
      'De doelen van de keten zijn concreet genoeg om te weten wanneer we ze hebben gehaald.',
      "The chain's goals are concrete enough to know when we have reached them.",
    ),
    q(
      'doelen-eigen-belang',
      'goals-and-vision',
      'Mijn organisatie herkent haar eigen belang in de doelen van de keten.',
      "My organisation recognises its own interest in the chain's goals.",
    ),
    q(
      'afbakening-doelgroep',
      'scope-and-stakeholders',
      'Het is duidelijk welke cliënten wel en niet tot de doelgroep van de keten horen.',
      "It is clear which clients do and do not belong to the chain's target group.",
    ),
    q(
      'afbakening-juiste-partijen',
      'scope-and-stakeholders',
      'Alle partijen die nodig zijn voor het resultaat doen mee, en op het juiste niveau.',
      'All parties needed for the result take part, at the right level.',
    ),
    q(
      'afbakening-rollen',
      'scope-and-stakeholders',
      'Het is duidelijk wie welke rol heeft: opdrachtgever, financier, uitvoerder en regisseur.',
      'It is clear who plays which role: commissioner, funder, executor and director.',
    ),
    q(
      'verandering-bereid',
      'capability-to-change',
      'Mijn organisatie is bereid haar eigen werkwijze aan te passen voor het resultaat van de keten.',
      "My organisation is willing to change its own way of working for the chain's result.",
    ),
    q(
      'verandering-uitvoering',
      'capability-to-change',
      'Afspraken uit het ketenoverleg worden in mijn organisatie ook echt uitgevoerd.',
      'Agreements made in the chain meeting are actually carried out in my organisation.',
    ),
    q(
      'verandering-snelheid',
      'capability-to-change',
      'De keten pakt knelpunten snel op, zonder te wachten op een volgende bestuursronde.',
      'The chain takes up bottlenecks quickly, without waiting for the next board round.',
    ),
    q(
      'middelen-capaciteit',
      'resources',
      'Mijn organisatie heeft voldoende mensen en geld vrijgemaakt voor haar bijdrage aan de keten.',
      'My organisation has set aside enough people and money for its contribution to the chain.',
    ),
    q(
      'middelen-verdeling',
      'resources',
      'Kosten en baten van de samenwerking zijn eerlijk verdeeld over de partners.',
      'The costs and benefits of the collaboration are fairly shared among the partners.',
    ),
    q(
      'middelen-gegevens',
      'resources',
      'De gegevens die nodig zijn om de keten te sturen, worden tijdig en betrouwbaar gedeeld.',
      'The data needed to steer the chain are shared on time and reliably.',
    ),
    q(
      'koers-vooruitgang',
      'on-course',
      'De keten boekt zichtbaar vooruitgang richting het maatschappelijke resultaat.',
      'The chain is making visible progress towards the societal result.',
    ),
    q(
      'koers-bijsturen',
      'on-course',
      'We bespreken de ketencijfers regelmatig en sturen bij waar dat nodig is.',
      'We discuss the chain figures regularly and adjust course where needed.',
    ),
    q(
      'koers-aanpak',
      'on-course',
      'De gekozen aanpak is nog steeds de juiste om het doel te bereiken.',
      'The chosen approach is still the right one to reach the goal.',
    ),
    q(
      'borging-vastgelegd',
      'anchoring',
      'De afspraken in de keten zijn vastgelegd en blijven gelden als mensen van functie wisselen.',
      "The chain's agreements are recorded and remain in force when people change jobs.",
    ),
    q(
      'borging-regulier',
      'anchoring',
      'De samenwerking is verankerd in de gewone werkprocessen en de begroting van mijn organisatie.',
      "The collaboration is embedded in my organisation's regular processes and budget.",
    ),
    q(
      'borging-evaluatie',
      'anchoring',
      'Afspraken worden op tijd geëvalueerd en waar nodig vernieuwd.',
      'Agreements are reviewed on time and renewed where needed.',
    ),
    q(
      'voorwaarde-probleem',
      'shared-problem',
      'Het probleem van de doelgroep is urgent en complex, en geen enkele partner kan het alleen oplossen.',
      "The target group's problem is urgent and complex, and no partner can solve it alone.",
    ),
    q(
      'voorwaarde-doel',
      'shared-goal',
      'Er is een gedeeld, goed omschreven doel waar alle partners achter staan.',
      'There is a shared, well-defined goal that all partners support.',
    ),
    q(
      'voorwaarde-noodzaak',
      'felt-necessity',
      'Mijn organisatie voelt de noodzaak om in deze keten samen te werken.',
      'My organisation feels the need to work together in this chain.',
    ),
    q(
      'voorwaarde-vertrouwen',
      'trust',
      'Ik vertrouw erop dat de andere partners hun afspraken nakomen en open zijn over problemen.',
      'I trust the other partners to keep their agreements and to be open about problems.',
    ),
  ],
};
