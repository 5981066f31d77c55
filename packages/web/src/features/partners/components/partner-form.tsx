/**
 * The form of one partner, used to add and to edit. Checked with core's partner schema before it
 * is sent; an edit carries the version it was based on.
 */
import {
  PARTNER_ROLES,
  SECTORS,
  createPartnerInputSchema,
  type Partner,
  type PartnerRole,
  type Sector,
} from '@ketenregie/core';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { monospaceInput } from '../../../components/input-styles.ts';
import { useFlash } from '../../../components/flash.tsx';
import { RatingInput } from '../../../components/rating.tsx';
import { submitProblem, useForm, validateWith, type SubmitProblem } from '../../../lib/form.ts';
import { useFieldErrorText } from '../../../lib/messages.ts';
import { slugify } from '../../../lib/slugify.ts';
import { useCreatePartner } from '../api/create-partner.ts';
import { useUpdatePartner } from '../api/update-partner.ts';

/** What the partner form edits; choices are null until made. */
export interface PartnerFormValues {
  key: string;
  name: string;
  sector: Sector | null;
  roles: PartnerRole[];
  interest: string;
  interestLevel: number | null;
  influence: number | null;
  commitment: number | null;
}

const FIELDS = ['key', 'name', 'sector', 'roles', 'interest', 'interestLevel', 'influence', 'commitment'] as const;
const FIELD_OPTIONS = { choiceFields: ['sector', 'interestLevel', 'influence', 'commitment'] };

const emptyValues: PartnerFormValues = {
  key: '',
  name: '',
  sector: null,
  roles: [],
  interest: '',
  interestLevel: null,
  influence: null,
  commitment: null,
};

function valuesOf(partner: Partner): PartnerFormValues {
  return {
    key: partner.key,
    name: partner.name,
    sector: partner.sector,
    roles: [...partner.roles],
    interest: partner.interest,
    interestLevel: partner.interestLevel,
    influence: partner.influence,
    commitment: partner.commitment,
  };
}

function isSector(value: string | null): value is Sector {
  return SECTORS.some((sector) => sector === value);
}

function isRole(value: string): value is PartnerRole {
  return PARTNER_ROLES.some((role) => role === value);
}

/** Props of {@link PartnerForm}. */
export interface PartnerFormProps {
  readonly chainId: string;
  /** The partner to edit; absent to add a new one. */
  readonly partner?: Partner;
  /** The chain's partners, to refuse a key that another partner already uses. */
  readonly partners: readonly Partner[];
  /** Fetches the latest version of this partner after a version conflict. */
  readonly onReload: () => Promise<Partner | undefined>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Adds or edits one partner. */
export function PartnerForm({ chainId, partner, partners, onReload, onDone, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const form = useForm<PartnerFormValues>(partner ? valuesOf(partner) : emptyValues);
  const errorOf = useFieldErrorText(form.errors);
  const [version, setVersion] = useState(partner?.version ?? 1);
  const [keyEdited, setKeyEdited] = useState(partner !== undefined);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [reloading, setReloading] = useState(false);
  const createPartner = useCreatePartner();
  const updatePartner = useUpdatePartner();
  const { values } = form;

  const sectorOptions = SECTORS.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) })).sort((a, b) =>
    a.value === 'other' ? 1 : b.value === 'other' ? -1 : a.label.localeCompare(b.label),
  );

  const onError = (error: unknown) => setProblem(submitProblem(error, form, FIELDS, FIELD_OPTIONS));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = validateWith(createPartnerInputSchema, values, FIELDS, FIELD_OPTIONS);
    if (!result.ok) {
      form.showErrors(result.errors);
      return;
    }
    if (partners.some((other) => other.id !== partner?.id && other.key === result.data.key)) {
      form.showErrors({ key: { key: 'keyTaken' } });
      return;
    }
    if (partner) {
      updatePartner.mutate(
        { chainId, partnerId: partner.id, input: { ...result.data, version } },
        {
          onSuccess: (saved) => {
            flash(t('partners.saved', { name: saved.name }));
            onDone();
          },
          onError,
        },
      );
    } else {
      createPartner.mutate(
        { chainId, input: result.data },
        {
          onSuccess: (saved) => {
            flash(t('partners.added', { name: saved.name }));
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
    <form id={form.formId} onSubmit={onSubmit} noValidate data-testid="partner-form">
      <Stack gap="md">
        <FormAlert problem={problem} onReload={() => void reload()} reloading={reloading} />
        <TextInput
          label={t('partners.name')}
          value={values.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            form.setField('name', name);
            if (!keyEdited) form.setField('key', slugify(name));
          }}
          error={errorOf('name')}
          required
          maxLength={200}
          autoComplete="organization"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('partners.key')}
            description={t('partners.keyDescription')}
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
          <Select
            label={t('partners.sector')}
            data={sectorOptions}
            value={values.sector}
            onChange={(value) => form.setField('sector', isSector(value) ? value : null)}
            error={errorOf('sector')}
            required
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('partners.roles')}
          value={values.roles}
          onChange={(roles) => form.setField('roles', roles.filter(isRole))}
          error={errorOf('roles')}
          required
        >
          <Group gap="lg" mt={6}>
            {PARTNER_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={`${t('partners.interest')} ${t('common.optional')}`}
          description={t('partners.interestDescription')}
          value={values.interest}
          onChange={(event) => form.setField('interest', event.currentTarget.value)}
          error={errorOf('interest')}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <RatingInput
          name="interestLevel"
          label={t('partners.interestLevel')}
          value={values.interestLevel}
          onChange={(value) => form.setField('interestLevel', value)}
          error={errorOf('interestLevel')}
        />
        <RatingInput
          name="influence"
          label={t('partners.influence')}
          value={values.influence}
          onChange={(value) => form.setField('influence', value)}
          error={errorOf('influence')}
        />
        <RatingInput
          name="commitment"
          label={t('partners.commitment')}
          value={values.commitment}
          onChange={(value) => form.setField('commitment', value)}
          error={errorOf('commitment')}
        />
        <Group gap="sm" mt="sm">
          <Button
            type="submit"
            loading={createPartner.isPending || updatePartner.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {partner ? t('common.save') : t('partners.add')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
