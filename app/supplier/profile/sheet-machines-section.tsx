import { getPrisma } from "@/lib/db/prisma";
import { sheetMachineCapability } from "@/lib/suppliers/sheet-machine-capability";
import { AddSheetMachineForm, RemoveSheetMachineButton } from "./sheet-machine-forms";

/**
 * The partner's lasers and press brakes (issue 23): listed, and for admins added and removed. Shown to
 * partners offering laser cutting or sheet metal; the matcher offers sheet jobs only to partners whose
 * machines can make them.
 */
export async function SheetMachinesSection({
  companyId,
  editable,
}: {
  companyId: string;
  editable: boolean;
}) {
  const db = getPrisma();
  const [offered, machines] = await Promise.all([
    db.supplierProcess.count({ where: { companyId, process: { in: ["SHEET_METAL", "LASER_CUTTING"] } } }),
    db.sheetMetalMachine.findMany({ where: { companyId }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }] }),
  ]);
  if (offered === 0 && machines.length === 0) return null;
  return (
    <section className="card" aria-labelledby="sheet-machines-heading">
      <h2 id="sheet-machines-heading">Lasers and press brakes</h2>
      {machines.length === 0 ? (
        <p className="muted">
          None yet. Without a laser (and a press brake for bent parts) no sheet job is offered to you.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Machine</th>
                <th scope="col">Kind</th>
                <th scope="col">Capability</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {machines.map((machine) => (
                <tr key={machine.id}>
                  <td data-label="Machine">{machine.name}</td>
                  <td data-label="Kind">{machine.kind === "LASER" ? "Laser" : "Press brake"}</td>
                  <td data-label="Capability">{sheetMachineCapability(machine)}</td>
                  {editable && (
                    <td data-label="">
                      <RemoveSheetMachineButton id={machine.id} label={`Remove ${machine.name}`} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && offered > 0 && (
        <>
          <h3 id="add-sheet-machine-heading">Add a laser or press brake</h3>
          <AddSheetMachineForm />
        </>
      )}
    </section>
  );
}
