import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
// The server actions reach the database; these forms only need something to submit to.
vi.mock("./actions", () => ({
  addCertificateAction: vi.fn(),
  addMachineAction: vi.fn(),
  blockDaysAction: vi.fn(),
  removeCertificateAction: vi.fn(),
  removeMachineAction: vi.fn(),
  unblockDayAction: vi.fn(),
}));
vi.mock("./sheet-machine-actions", () => ({
  addSheetMachineAction: vi.fn(),
  removeSheetMachineAction: vi.fn(),
}));

import { AddCertificateForm, AddMachineForm, BlockDaysForm } from "./profile-list-forms";
import { AddSheetMachineForm } from "./sheet-machine-forms";

describe("the partner profile's add forms", () => {
  it("give every field an id of its own, so each label names its own field", () => {
    // All four sit on /supplier/profile at once for a sheet-metal shop; a shared id ("name", "kind") made
    // the laser form's "Make and model" label point at the machine form's field, and left its own unnamed.
    const page = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        createElement(AddMachineForm, { processes: [{ value: "SHEET_METAL", label: "Sheet metal" }] }),
        createElement(AddSheetMachineForm),
        createElement(AddCertificateForm, { kinds: [{ value: "ISO_9001", label: "ISO 9001" }] }),
        createElement(BlockDaysForm, { today: "2026-12-07" }),
      ),
    );
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const [, target] of page.matchAll(/<label for="([^"]+)"/g)) expect(ids).toContain(target);
  });
});
