"use client";

import type { ReactNode } from "react";

/**
 * A submit button that asks first, for actions that cannot be undone (suspending a supplier, cancelling
 * an order): the browser's own dialog, which keyboard and screen-reader users can answer.
 */
export function ConfirmSubmitButton({
  question,
  className,
  disabled,
  children,
}: {
  question: string;
  className?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className={className}
      disabled={disabled}
      onClick={(event) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
