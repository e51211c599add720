import { AppError } from "../errors/app-error";

/**
 * The allowed status moves of one stateful thing: the statuses it may be created in and, per status, the
 * statuses it may move to. Every write of the thing's status goes through its table (see
 * docs/decisions/0019): updates in the thing's one `move…` module, creates through `enter`.
 */
export interface TransitionTable<Status extends string> {
  /** What the thing is called in messages: "order", "offer"… */
  readonly thing: string;
  readonly initial: readonly Status[];
  readonly moves: Readonly<Record<Status, readonly Status[]>>;
  can(from: Status, to: Status): boolean;
  /** Throws `invalid_state_transition` (with from and to) when the table does not allow the move. */
  assertMove(from: Status, to: Status): void;
  /** The status a new row is created in, refused unless the table lets the thing start there. */
  enter<To extends Status>(status: To): To;
}

export function transitionTable<Status extends string>(
  thing: string,
  initial: readonly Status[],
  moves: Record<Status, readonly Status[]>,
): TransitionTable<Status> {
  const article = /^[aeiou]/i.test(thing) ? "An" : "A";
  const can = (from: Status, to: Status) => moves[from]?.includes(to) ?? false;
  return {
    thing,
    initial,
    moves,
    can,
    assertMove(from, to) {
      if (!can(from, to))
        throw new AppError(
          "invalid_state_transition",
          `${article} ${thing} that is ${from} cannot become ${to}.`,
          {
            from,
            to,
          },
        );
    },
    enter(status) {
      if (!initial.includes(status))
        throw new AppError("invalid_state_transition", `${article} ${thing} cannot start as ${status}.`, {
          to: status,
        });
      return status;
    },
  };
}
