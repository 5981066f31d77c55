/**
 * The chain templates as cards in the current language. Choosing one opens a short dialog for an
 * optional name and slug; the server fills in what is left empty.
 */
import { chainFieldsSchema, type ChainDetail } from '@ketenregie/core';
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCommunity, IconRoute, IconTemplate } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert } from '../../../components/form-alert.tsx';
import { monospaceInput } from '../../../components/input-styles.ts';
import { useFlash } from '../../../components/flash.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { submitProblem, useForm, validateWith, type SubmitProblem } from '../../../lib/form.ts';
import { useFieldErrorText } from '../../../lib/messages.ts';
import { toLanguage } from '../../../i18n/i18n.ts';
import { useCreateChainFromTemplate } from '../api/create-chain-from-template.ts';
import type { ChainTemplate } from '../api/find-templates.ts';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const templateChainSchema = z.object({
  name: optional(chainFieldsSchema.shape.name),
  slug: optional(chainFieldsSchema.shape.slug),
});
const FIELDS = ['name', 'slug'] as const;

interface TemplateFormValues {
  name: string;
  slug: string;
}

function TemplateChainForm({
  template,
  onCreated,
  onCancel,
}: {
  readonly template: ChainTemplate;
  readonly onCreated: (detail: ChainDetail) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const flash = useFlash();
  const form = useForm<TemplateFormValues>({ name: '', slug: '' });
  const errorOf = useFieldErrorText(form.errors);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const create = useCreateChainFromTemplate();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const result = validateWith(templateChainSchema, form.values, FIELDS);
    if (!result.ok) {
      form.showErrors(result.errors);
      return;
    }
    create.mutate(
      { templateKey: template.key, ...result.data },
      {
        onSuccess: (detail) => {
          flash(t('chainForm.created'));
          onCreated(detail);
        },
        onError: (error) => {
          if (isApiError(error, 'conflict') && form.values.slug.trim() !== '') {
            form.showErrors({ slug: { key: 'slugTaken' } });
            return;
          }
          setProblem(submitProblem(error, form, FIELDS));
        },
      },
    );
  };

  return (
    <form id={form.formId} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput
          label={`${t('chainForm.name')} ${t('common.optional')}`}
          description={t('templates.nameHint')}
          value={form.values.name}
          onChange={(event) => form.setField('name', event.currentTarget.value)}
          error={errorOf('name')}
          maxLength={200}
          autoComplete="off"
          data-autofocus
        />
        <TextInput
          label={`${t('chainForm.slug')} ${t('common.optional')}`}
          description={t('templates.slugHint')}
          value={form.values.slug}
          onChange={(event) => form.setField('slug', event.currentTarget.value)}
          error={errorOf('slug')}
          maxLength={60}
          spellCheck={false}
          autoComplete="off"
          styles={monospaceInput}
        />
        <Group gap="sm" mt="sm">
          <Button type="submit" loading={create.isPending}>
            {t('templates.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Props of {@link TemplateGallery}. */
export interface TemplateGalleryProps {
  readonly templates: readonly ChainTemplate[];
  readonly onCreated: (detail: ChainDetail) => void;
}

/** Cards of the templates with a dialog to create a chain from one. */
export function TemplateGallery({ templates, onCreated }: TemplateGalleryProps) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const [chosen, setChosen] = useState<ChainTemplate | null>(null);

  if (templates.length === 0) return <Text c="dimmed">{t('templates.empty')}</Text>;

  return (
    <>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="lg"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {templates.map((template) => (
          <Card key={template.key} component="li" shadow="xs" style={{ display: 'flex', flexDirection: 'column' }}>
            <Stack gap="sm" style={{ flex: 1 }}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconTemplate size={24} aria-hidden="true" color="#154273" style={{ flex: 'none', marginTop: 2 }} />
                <Title order={2} fz="h3">
                  {template.title[language]}
                </Title>
              </Group>
              <Text fz="sm">{template.description[language]}</Text>
              <Group gap="xs" mt="auto" pt="xs">
                <Badge variant="light" tt="none" leftSection={<IconBuildingCommunity size={14} aria-hidden="true" />}>
                  {t('templates.partners', { count: template.partners })}
                </Badge>
                <Badge variant="light" tt="none" leftSection={<IconRoute size={14} aria-hidden="true" />}>
                  {t('templates.links', { count: template.links })}
                </Badge>
              </Group>
              <Button
                variant="outline"
                onClick={() => setChosen(template)}
                mt="xs"
                aria-label={`${t('templates.use')}: ${template.title[language]}`}
                data-testid="use-template"
              >
                {t('templates.use')}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Modal
        opened={chosen !== null}
        onClose={() => setChosen(null)}
        title={chosen ? t('templates.dialogTitle', { title: chosen.title[language] }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {chosen && (
          <TemplateChainForm
            key={chosen.key}
            template={chosen}
            onCreated={onCreated}
            onCancel={() => setChosen(null)}
          />
        )}
      </Modal>
    </>
  );
}
