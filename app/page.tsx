import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <>
      <section className="hero">
        <h1>
          Upload a CAD file and get a price, a delivery date and honest manufacturability feedback in seconds.
        </h1>
        <p className="muted">
          CNC milling, CNC turning and five 3D-printing processes, made by audited manufacturing partners with
          free capacity. You pay us; we carry the risk that parts meet your spec.
        </p>
        <div className="actions">
          {user ? (
            <span className="alert ok">
              Signed in as {user.name}. Part upload and instant quotes open here next.
            </span>
          ) : (
            <>
              <Link href="/sign-up" className="button">
                Create a buyer account
              </Link>
              <Link href="/partners/apply" className="button secondary">
                Become a manufacturing partner
              </Link>
            </>
          )}
        </div>
      </section>
      <section className="steps" aria-label="How it works">
        <div className="card">
          <h3>1 · Upload</h3>
          <p>STEP, IGES, BREP, STL, OBJ or 3MF, up to 100 MB. See your part in 3D at once.</p>
        </div>
        <div className="card">
          <h3>2 · Check</h3>
          <p>
            Thin walls, deep pockets, sharp inner corners and undercuts are marked on the model before you
            pay.
          </p>
        </div>
        <div className="card">
          <h3>3 · Price and date</h3>
          <p>A readable breakdown, price breaks per quantity, and the price of every delivery date.</p>
        </div>
        <div className="card">
          <h3>4 · Made and delivered</h3>
          <p>We place the job with an audited partner and follow it to your door.</p>
        </div>
      </section>
    </>
  );
}
