"use client";

/**
 * A secret shown only once (a new API key, a calendar address): a read-only field that selects all of itself
 * when focused, so it is copied whole.
 */
export function ShownOnceValue({
  id,
  value,
  className,
  testId,
}: {
  id: string;
  value: string;
  className: string | undefined;
  testId?: string;
}) {
  return (
    <input
      id={id}
      className={className}
      readOnly
      value={value}
      onFocus={(event) => event.currentTarget.select()}
      data-testid={testId}
    />
  );
}
