/**
 * Short confirmations after a change ("Partner is toegevoegd"), shown in a corner for a few
 * seconds and announced politely by screen readers through a live region.
 */
import { Notification, Stack } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FlashMessage {
  readonly id: number;
  readonly text: string;
}

type Flash = (text: string) => void;

const FlashContext = createContext<Flash>(() => undefined);

/** How long a confirmation stays on screen. */
const FLASH_MS = 6000;

/** Holds the confirmations and renders them; wrap the app in it once. */
export function FlashProvider({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const [messages, setMessages] = useState<readonly FlashMessage[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setMessages((current) => current.filter((message) => message.id !== id));
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const flash = useCallback<Flash>(
    (text) => {
      const id = nextId.current++;
      setMessages((current) => [...current.slice(-2), { id, text }]);
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), FLASH_MS),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);

  const value = useMemo(() => flash, [flash]);
  return (
    <FlashContext.Provider value={value}>
      {children}
      <div
        role="status"
        aria-live="polite"
        style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 400, width: 'min(24rem, calc(100vw - 32px))' }}
      >
        <Stack gap="xs">
          {messages.map((message) => (
            <Notification
              key={message.id}
              icon={<IconCheck size={18} aria-hidden="true" />}
              color="teal.9"
              withBorder
              onClose={() => dismiss(message.id)}
              closeButtonProps={{ 'aria-label': t('common.close') }}
            >
              {message.text}
            </Notification>
          ))}
        </Stack>
      </div>
    </FlashContext.Provider>
  );
}

/** Returns the function that shows a confirmation. */
export function useFlash(): Flash {
  return useContext(FlashContext);
}
