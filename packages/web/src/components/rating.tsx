/**
 * Display and input of the 1–5 ratings (interest, influence, commitment) with translated labels.
 */
import { Group, Radio, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The five values of a rating. */
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;
type RatingKey = '1' | '2' | '3' | '4' | '5';

function ratingKey(value: number): RatingKey {
  const clamped = Math.min(5, Math.max(1, Math.round(value)));
  return String(clamped) as RatingKey;
}

/** Returns a function that names a rating ("4 – hoog"). */
export function useRatingLabel(): (value: number) => string {
  const { t } = useTranslation();
  return (value: number) => t('ratings.withValue', { value, label: t(`ratings.${ratingKey(value)}`) });
}

/** Five dots (filled up to the value) followed by the value and its label. */
export function RatingMeter({ value }: { readonly value: number }) {
  const { t } = useTranslation();
  const label = t(`ratings.${ratingKey(value)}`);
  return (
    <Group gap={8} wrap="nowrap">
      <span className="kr-rating" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((dot) => (
          <span key={dot} className="kr-rating-dot" data-filled={dot <= value} />
        ))}
      </span>
      <Text fz="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
        {t('ratings.withValue', { value, label })}
      </Text>
    </Group>
  );
}

/** Props of {@link RatingInput}. */
export interface RatingInputProps {
  readonly label: string;
  readonly description?: string;
  readonly value: number | null;
  readonly onChange: (value: number) => void;
  readonly error?: string;
  readonly name: string;
}

/** A labelled group of five radio buttons, each named by its value and label. */
export function RatingInput({ label, description, value, onChange, error, name }: RatingInputProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      error={error}
      name={name}
      required
    >
      <Group gap="md" mt={6}>
        {RATING_VALUES.map((rating) => (
          <Radio
            key={rating}
            value={String(rating)}
            label={t('ratings.withValue', { value: rating, label: t(`ratings.${ratingKey(rating)}`) })}
          />
        ))}
      </Group>
    </Radio.Group>
  );
}
