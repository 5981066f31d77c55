import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { parseChainTemplate } from './chain-template.ts';
import { miniTemplateJson, type ChainTemplateInput } from './mini-template.fixture.ts';

/** The details of the `validation_failed` error that parsing throws. */
function problemsOf(json: unknown, file = 'mini.json'): readonly ErrorDetail[] {
  try {
    parseChainTemplate(json, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe('validation_failed');
    expect(domainError.message).toContain(file);
    for (const detail of domainError.details) expect(detail.file).toBe(file);
    return domainError.details;
  }
  throw new Error('expected parseChainTemplate to throw');
}

const pathsOf = (json: unknown) => problemsOf(json).map((p) => p.path);

function withProfile(change: (profile: NonNullable<ChainTemplateInput['trajectoryProfile']>) => void) {
  const json = miniTemplateJson();
  change(json.trajectoryProfile!);
  return json;
}

describe('parseChainTemplate', () => {
  it('accepts a sound template and fills the defaults', () => {
    const template = parseChainTemplate(miniTemplateJson(), 'mini.json');
    expect(template.key).toBe('mini');
    expect(template.model.chain.description).toBe('');
    expect(template.trajectoryProfile?.maxEventsPerCase).toBe(60);
    expect(template.trajectoryProfile?.resources[0]?.keepPerCase).toBe(true);
    expect(template.trajectoryProfile?.effects[0]?.target).toBe('delay');
  });

  it('accepts a template without a trajectory profile', () => {
    const json = miniTemplateJson();
    delete json.trajectoryProfile;
    expect(parseChainTemplate(json, 'mini.json').trajectoryProfile).toBeUndefined();
  });

  it('reports schema errors with their path and file', () => {
    const json = miniTemplateJson();
    (json.model.partners[0] as { sector: string }).sector = 'bakery';
    (json.title as { en: string }).en = '';
    json.trajectoryProfile!.arrivals.hourWeights = [1, 2, 3];
    json.trajectoryProfile!.arrivals.startDate = '2026-02-30';
    expect(pathsOf(json)).toEqual(
      expect.arrayContaining([
        'model.partners.0.sector',
        'title.en',
        'trajectoryProfile.arrivals.hourWeights',
        'trajectoryProfile.arrivals.startDate',
      ]),
    );
  });

  it('refuses input that is not an object', () => {
    expect(problemsOf('nonsense')).toEqual([expect.objectContaining({ path: '' })]);
  });

  it('reports broken chain invariants under model.*, together with what they break in the profile', () => {
    const json = miniTemplateJson();
    json.model.links[0]!.partnerKeys = ['ghost'];
    expect(problemsOf(json)).toEqual([
      { path: 'model.links.0.partnerKeys.0', message: 'no partner with key "ghost" in this chain', file: 'mini.json' },
      {
        path: 'trajectoryProfile.steps.0.partner',
        message: 'partner "a" is not responsible for link "melding"',
        file: 'mini.json',
      },
    ]);
  });

  it('names steps with unknown partners, links, pools and calendars', () => {
    const json = withProfile((profile) => {
      profile.steps[0]!.partner = 'ghost';
      profile.steps[1]!.link = 'nowhere';
      profile.steps[1]!.resource = 'vans';
      profile.steps[2]!.calendar = 'never';
    });
    expect(pathsOf(json)).toEqual([
      'trajectoryProfile.steps.0.partner',
      'trajectoryProfile.steps.1.link',
      'trajectoryProfile.steps.1.resource',
      'trajectoryProfile.steps.2.calendar',
    ]);
  });

  it('requires that the named link maps the activity and that the partner is responsible for it', () => {
    const json = withProfile((profile) => {
      profile.steps[1]!.activity = 'Opname';
      profile.steps[2]!.link = 'melding';
    });
    const problems = problemsOf(json);
    expect(problems.map((p) => p.path)).toEqual([
      'trajectoryProfile.steps.1.activity',
      'trajectoryProfile.steps.2.activity',
      'trajectoryProfile.steps.2.partner',
    ]);
    expect(problems[0]?.message).toContain('no link maps activity "Opname"');
    expect(problems[1]?.message).toContain('mapped by link "behandeling", not by "melding"');
  });

  it('checks branches: known targets, probabilities adding up to 1, no start at the end', () => {
    const json = withProfile((profile) => {
      profile.steps[1]!.next = [
        { to: 'controle', probability: 0.5 },
        { to: 'nazorg', probability: 0.45 },
      ];
      profile.start = [{ to: null, probability: 1 }];
    });
    const problems = problemsOf(json);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'trajectoryProfile.steps.1.next.1.to',
        'trajectoryProfile.steps.1.next',
        'trajectoryProfile.start.0.to',
      ]),
    );
    expect(problems.find((p) => p.path === 'trajectoryProfile.steps.1.next')?.message).toContain('add up to 0.95');
  });

  it('finds steps that no case reaches and loops a case can never leave', () => {
    const json = withProfile((profile) => {
      profile.steps.push({ key: 'wees', activity: 'Controle', partner: 'b', link: 'behandeling' });
      profile.steps[2]!.next = [{ to: 'controle', probability: 1 }];
    });
    const problems = problemsOf(json);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'trajectoryProfile.steps.3', message: 'no branch leads to step "wees"' }),
        expect.objectContaining({
          path: 'trajectoryProfile.steps.2.next',
          message: 'a case in step "controle" can never end',
        }),
      ]),
    );
  });

  it('refuses duplicate step keys and effects on something a step does not have', () => {
    const json = withProfile((profile) => {
      profile.steps[2]!.key = 'behandeling';
      profile.effects = [
        { step: 'melding', hours: [1], factor: 2 },
        { step: 'onbekend', weekdays: [1], factor: 2 },
      ];
    });
    expect(pathsOf(json)).toEqual(
      expect.arrayContaining([
        'trajectoryProfile.steps.2.key',
        'trajectoryProfile.effects.0.target',
        'trajectoryProfile.effects.1.step',
      ]),
    );
  });

  it('requires an effect to name hours or weekdays', () => {
    const json = withProfile((profile) => {
      profile.effects = [{ step: 'behandeling', factor: 2 }];
    });
    expect(pathsOf(json)).toEqual(['trajectoryProfile.effects.0']);
  });
});
