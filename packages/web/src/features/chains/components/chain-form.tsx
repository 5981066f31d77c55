/**
 * Forms to create a chain and to edit its own fields. Input is checked with core's schemas next
 * to each field before it is sent; the server's field problems land next to the same fields.
 */
import { createChainInputSchema, updateChainInputSchema, type Chain, type ChainDetail } from '@ketenregie/core';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert.tsx';
import { monospaceInput } from '../../../components/input-styles.ts';
import { useFlash } from '../../../components/flash.tsx';
import { submitProblem, useForm, validateWith, type FormState, type SubmitProblem } from '../../../lib/form.ts';
import { useFieldErrorText } from '../../../lib/messages.ts';
import { slugify } from '../../../lib/slugify.ts';
import { useCreateChain } from '../api/create-chain.ts';
import { useUpdateChain } from '../api/update-chain.ts';
import { isApiError } from '../../../lib/api-client.ts';

/** A 409 `conflict` on a chain's own fields means its slug is taken. */
function isSlugTaken(error: unknown): boolean {
  return (
    isApiError(error, 'conflict') &&
    (error.details.length === 0 || error.details.some((detail) => detail.path === 'slug'))
  );
}

/** What the chain form edits. */
export interface ChainFormValues {
  name: string;
  slug: string;
  targetGroup: string;
  societalGoal: string;
  description: string;
}

const FIELDS = ['name', 'slug', 'targetGroup', 'societalGoal', 'description'] as const;

const emptyValues: ChainFormValues = { name: '', slug: '', targetGroup: '', societalGoal: '', description: '' };

function valuesOf(chain: Chain): ChainFormValues {
  return {
    name: chain.name,
    slug: chain.slug,
    targetGroup: chain.targetGroup,
    societalGoal: chain.societalGoal,
    description: chain.description,
  };
}

interface ChainFieldsProps {
  readonly form: FormState<ChainFormValues>;
  readonly onNameChange: (name: string) => void;
  readonly onSlugChange: (slug: string) => void;
}

function ChainFields({ form, onNameChange, onSlugChange }: ChainFieldsProps) {
  const { t } = useTranslation();
  const errorOf = useFieldErrorText(form.errors);
  const { values } = form;
  return (
    <>
      <TextInput
        label={t('chainForm.name')}
        description={t('chainForm.nameDescription')}
        value={values.name}
        onChange={(event) => onNameChange(event.currentTarget.value)}
        error={errorOf('name')}
        required
        maxLength={200}
        autoComplete="off"
      />
      <TextInput
        label={t('chainForm.slug')}
        description={t('chainForm.slugDescription')}
        value={values.slug}
        onChange={(event) => onSlugChange(event.currentTarget.value)}
        error={errorOf('slug')}
        required
        maxLength={60}
        autoComplete="off"
        spellCheck={false}
        styles={monospaceInput}
      />
      <Textarea
        label={t('chainForm.targetGroup')}
        description={t('chainForm.targetGroupDescription')}
        value={values.targetGroup}
        onChange={(event) => form.setField('targetGroup', event.currentTarget.value)}
        error={errorOf('targetGroup')}
        required
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Textarea
        label={t('chainForm.societalGoal')}
        description={t('chainForm.societalGoalDescription')}
        value={values.societalGoal}
        onChange={(event) => form.setField('societalGoal', event.currentTarget.value)}
        error={errorOf('societalGoal')}
        required
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Textarea
        label={`${t('chainForm.description')} ${t('common.optional')}`}
        description={t('chainForm.descriptionDescription')}
        value={values.description}
        onChange={(event) => form.setField('description', event.currentTarget.value)}
        error={errorOf('description')}
        autosize
        minRows={3}
        maxLength={4000}
      />
    </>
  );
}

/** Props of {@link CreateChainForm}. */
export interface CreateChainFormProps {
  readonly onCreated: (detail: ChainDetail) => void;
  readonly onCancel: () => void;
}

/** The form for a new, empty chain; suggests the slug from the name until the slug is edited. */
export function CreateChainForm({ onCreated, onCancel }: CreateChainFormProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const form = useForm<ChainFormValues>(emptyValues);
  const [slugEdited, setSlugEdited] = useState(false);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const createChain = useCreateChain();

  const onNameChange = (name: string) => {
    form.setField('name', name);
    if (!slugEdited) form.setField('slug', slugify(name));
  };
  const onSlugChange = (slug: string) => {
    setSlugEdited(true);
    form.setField('slug', slug);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = validateWith(createChainInputSchema, form.values, FIELDS);
    if (!result.ok) {
      form.showErrors(result.errors);
      return;
    }
    createChain.mutate(result.data, {
      onSuccess: (detail) => {
        flash(t('chainForm.created'));
        onCreated(detail);
      },
      onError: (error) => {
        if (isSlugTaken(error)) {
          form.showErrors({ slug: { key: 'slugTaken' } });
          return;
        }
        setProblem(submitProblem(error, form, FIELDS));
      },
    });
  };

  return (
    <form id={form.formId} onSubmit={onSubmit} noValidate>
      <Stack gap="lg" maw={720}>
        <FormAlert problem={problem} />
        <ChainFields form={form} onNameChange={onNameChange} onSlugChange={onSlugChange} />
        <Group gap="sm">
          <Button
            type="submit"
            loading={createChain.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('chainForm.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Props of {@link EditChainForm}. */
export interface EditChainFormProps {
  readonly chain: Chain;
  /** Fetches the latest version of the chain (after a version conflict). */
  readonly onReload: () => Promise<ChainDetail | undefined>;
  readonly onSaved: (detail: ChainDetail) => void;
  readonly onCancel: () => void;
}

/** The form for a chain's own fields; sends the version it was based on. */
export function EditChainForm({ chain, onReload, onSaved, onCancel }: EditChainFormProps) {
  const { t } = useTranslation();
  const flash = useFlash();
  const form = useForm<ChainFormValues>(valuesOf(chain));
  const [version, setVersion] = useState(chain.version);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [reloading, setReloading] = useState(false);
  const updateChain = useUpdateChain();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = validateWith(updateChainInputSchema, { ...form.values, version }, FIELDS);
    if (!result.ok) {
      form.showErrors(result.errors);
      return;
    }
    updateChain.mutate(
      { chainId: chain.id, input: result.data },
      {
        onSuccess: (detail) => {
          flash(t('chainForm.saved'));
          onSaved(detail);
        },
        onError: (error) => {
          if (isSlugTaken(error)) {
            form.showErrors({ slug: { key: 'slugTaken' } });
            return;
          }
          setProblem(submitProblem(error, form, FIELDS));
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) {
        form.reset(valuesOf(latest.chain));
        setVersion(latest.chain.version);
        setProblem(null);
        flash(t('conflict.reloaded'));
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <form id={form.formId} onSubmit={onSubmit} noValidate>
      <Stack gap="lg" maw={720}>
        <FormAlert problem={problem} onReload={() => void reload()} reloading={reloading} />
        <ChainFields
          form={form}
          onNameChange={(name) => form.setField('name', name)}
          onSlugChange={(slug) => form.setField('slug', slug)}
        />
        <Group gap="sm">
          <Button
            type="submit"
            loading={updateChain.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
