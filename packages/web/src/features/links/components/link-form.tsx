/**
 * The form of one link of the primary process, used to add and to edit: name and key, the
 * responsible partners (several may share a step), the activity names that map event data onto
 * the link, and an optional norm time measured from an earlier link.
 */
import { createLinkInputSchema, type CreateLinkInput, type Link, type Partner } from '@ketenregie/core';
import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { monospaceInput } from '../../../components/input-styles.ts';
import { useFlash } from '../../../components/flash.tsx';
import { submitProblem, useForm, validateWith, type SubmitProblem } from '../../../lib/form.ts';
import { DURATION_UNITS, splitMinutes, type DurationUnit } from '../../../lib/format.ts';
import { useFieldErrorText } from '../../../lib/messages.ts';
import { slugify } from '../../../lib/slugify.ts';
import { useCreateLink } from '../api/create-link.ts';
import { useUpdateLink } from '../api/update-link.ts';

/** What the link form edits; the norm is entered as an amount and a unit. */
export interface LinkFormValues {
  key: string;
  name: string;
  description: string;
  partnerIds: string[];
  activities: string[];
  hasNorm: boolean;
  normAmount: number | string;
  normUnit: DurationUnit;
  /** Id of the link the norm is measured from, or {@link PREVIOUS_LINK}. */
  normFrom: string;
  normDescription: string;
}

const FIELDS = [
  'key',
  'name',
  'description',
  'partnerIds',
  'activities',
  'norm',
  'normAmount',
  'normFrom',
  'normDescription',
] as const;
const FIELD_OPTIONS = {
  aliases: { 'norm.maxMinutes': 'normAmount', 'norm.fromLinkId': 'normFrom', 'norm.description': 'normDescription' },
};

/** Choice "the previous link" in the norm's start (the API's `fromLinkId: null`). */
const PREVIOUS_LINK = 'previous';

const emptyValues: LinkFormValues = {
  key: '',
  name: '',
  description: '',
  partnerIds: [],
  activities: [],
  hasNorm: false,
  normAmount: '',
  normUnit: 'minutes',
  normFrom: PREVIOUS_LINK,
  normDescription: '',
};

function valuesOf(link: Link): LinkFormValues {
  const split = link.norm ? splitMinutes(link.norm.maxMinutes) : null;
  return {
    key: link.key,
    name: link.name,
    description: link.description,
    partnerIds: [...link.partnerIds],
    activities: [...link.activities],
    hasNorm: link.norm !== null,
    normAmount: split ? split.amount : '',
    normUnit: split ? split.unit : 'minutes',
    normFrom: link.norm?.fromLinkId ?? PREVIOUS_LINK,
    normDescription: link.norm?.description ?? '',
  };
}

/** The API input the form values stand for (validated afterwards). */
function inputOf(values: LinkFormValues): CreateLinkInput {
  const amount = typeof values.normAmount === 'number' ? values.normAmount : Number.NaN;
  return {
    key: values.key,
    name: values.name,
    description: values.description,
    partnerIds: values.partnerIds,
    activities: values.activities,
    norm: values.hasNorm
      ? {
          maxMinutes: Math.round(amount * DURATION_UNITS[values.normUnit] * 1000) / 1000,
          fromLinkId: values.normFrom === PREVIOUS_LINK ? null : values.normFrom,
          description: values.normDescription,
        }
      : null,
  };
}

function isUnit(value: string | null): value is DurationUnit {
  return value === 'minutes' || value === 'hours' || value === 'days';
}

/** Props of {@link LinkForm}. */
export interface LinkFormProps {
  readonly chainId: string;
  readonly partners: readonly Partner[];
  /** All links of the chain, in order; earlier ones can be the start of the norm. */
  readonly links: readonly Link[];
  /** The link to edit; absent to add one at the end. */
  readonly link?: Link;
  /** Fetches the latest version of this link after a version conflict. */
  readonly onReload: () => Promise<Link | undefined>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Adds or edits one link. */
export function LinkForm({ chainId, partners, links, link, onReload, onDone, onCancel }: LinkFormProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const form = useForm<LinkFormValues>(link ? valuesOf(link) : emptyValues);
  const errorOf = useFieldErrorText(form.errors);
  const [version, setVersion] = useState(link?.version ?? 1);
  const [keyEdited, setKeyEdited] = useState(link !== undefined);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [reloading, setReloading] = useState(false);
  const createLink = useCreateLink();
  const updateLink = useUpdateLink();
  const { values } = form;

  const earlierLinks = links.filter((candidate) => (link ? candidate.position < link.position : true));
  const partnerOptions = partners.map((partner) => ({ value: partner.id, label: partner.name }));
  const fromOptions = [
    { value: PREVIOUS_LINK, label: t('links.normFromPrevious') },
    ...earlierLinks.map((candidate) => ({ value: candidate.id, label: `${candidate.position}. ${candidate.name}` })),
  ];
  const unitOptions = [
    { value: 'minutes', label: t('links.unitMinutes') },
    { value: 'hours', label: t('links.unitHours') },
    { value: 'days', label: t('links.unitDays') },
  ];

  const onError = (error: unknown) => setProblem(submitProblem(error, form, FIELDS, FIELD_OPTIONS));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = validateWith(createLinkInputSchema, inputOf(values), FIELDS, FIELD_OPTIONS);
    if (!result.ok) {
      form.showErrors(result.errors);
      return;
    }
    if (links.some((other) => other.id !== link?.id && other.key === result.data.key)) {
      form.showErrors({ key: { key: 'keyTaken' } });
      return;
    }
    if (result.data.norm && result.data.norm.fromLinkId === null && earlierLinks.length === 0) {
      form.showErrors({ normFrom: { key: 'normNeedsStart' } });
      return;
    }
    const { position: _position, ...fields } = result.data;
    if (link) {
      updateLink.mutate(
        { chainId, linkId: link.id, input: { ...fields, version } },
        {
          onSuccess: (saved) => {
            flash(t('links.saved', { name: saved.name }));
            onDone();
          },
          onError,
        },
      );
    } else {
      createLink.mutate(
        { chainId, input: fields },
        {
          onSuccess: (saved) => {
            flash(t('links.added', { name: saved.name }));
            onDone();
          },
          onError,
        },
      );
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) {
        form.reset(valuesOf(latest));
        setVersion(latest.version);
        setProblem(null);
        flash(t('conflict.reloaded'));
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <form id={form.formId} onSubmit={onSubmit} noValidate data-testid="link-form">
      <Stack gap="md">
        <FormAlert problem={problem} onReload={() => void reload()} reloading={reloading} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('links.name')}
            value={values.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              form.setField('name', name);
              if (!keyEdited) form.setField('key', slugify(name));
            }}
            error={errorOf('name')}
            required
            maxLength={200}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t('links.key')}
            description={t('links.keyDescription')}
            value={values.key}
            onChange={(event) => {
              setKeyEdited(true);
              form.setField('key', event.currentTarget.value);
            }}
            error={errorOf('key')}
            required
            maxLength={60}
            spellCheck={false}
            autoComplete="off"
            styles={monospaceInput}
          />
        </SimpleGrid>
        <Textarea
          label={`${t('links.description')} ${t('common.optional')}`}
          value={values.description}
          onChange={(event) => form.setField('description', event.currentTarget.value)}
          error={errorOf('description')}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <MultiSelect
          label={t('links.partnerIds')}
          description={t('links.partnerIdsDescription')}
          data={partnerOptions}
          value={values.partnerIds}
          onChange={(partnerIds) => form.setField('partnerIds', partnerIds)}
          error={errorOf('partnerIds')}
          required
          searchable
          hidePickedOptions
          comboboxProps={{ withinPortal: true }}
        />
        <TagsInput
          label={`${t('links.activities')} ${t('common.optional')}`}
          description={t('links.activitiesDescription')}
          value={values.activities}
          onChange={(activities) => form.setField('activities', activities)}
          error={errorOf('activities')}
          acceptValueOnBlur
          allowDuplicates={false}
          clearable={false}
        />
        <Fieldset legend={t('overview.norm')} variant="filled" radius="md">
          <Stack gap="md">
            <Switch
              data-testid="has-norm"
              label={t('links.hasNorm')}
              checked={values.hasNorm}
              onChange={(event) => form.setField('hasNorm', event.currentTarget.checked)}
              error={errorOf('norm')}
            />
            {values.hasNorm && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <NumberInput
                    label={t('links.normAmount')}
                    value={values.normAmount}
                    onChange={(amount) => form.setField('normAmount', amount)}
                    error={errorOf('normAmount')}
                    min={1}
                    allowNegative={false}
                    required
                  />
                  <Select
                    label={t('links.normUnit')}
                    data={unitOptions}
                    value={values.normUnit}
                    onChange={(unit) => form.setField('normUnit', isUnit(unit) ? unit : 'minutes')}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Select
                    label={t('links.normFrom')}
                    data={fromOptions}
                    value={values.normFrom}
                    onChange={(from) => form.setField('normFrom', from ?? PREVIOUS_LINK)}
                    error={errorOf('normFrom')}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                </SimpleGrid>
                <TextInput
                  label={`${t('links.normDescription')} ${t('common.optional')}`}
                  description={t('links.normDescriptionHint')}
                  value={values.normDescription}
                  onChange={(event) => form.setField('normDescription', event.currentTarget.value)}
                  error={errorOf('normDescription')}
                  maxLength={500}
                />
              </>
            )}
          </Stack>
        </Fieldset>
        <Group gap="sm" mt="sm">
          <Button
            type="submit"
            loading={createLink.isPending || updateLink.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {link ? t('common.save') : t('links.add')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
