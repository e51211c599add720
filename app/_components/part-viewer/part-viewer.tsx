"use client";

import { useEffect, useRef, useState } from "react";
import {
  AmbientLight,
  Box3,
  BoxGeometry,
  Color,
  DirectionalLight,
  GridHelper,
  Group,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
} from "three";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import {
  displayMeshGeometry,
  paintMesh,
  paintSupported,
  type PaintGroup,
  type ViewerMesh,
} from "./display-mesh-geometry";
import { ThicknessLegend } from "./thickness-legend";
import styles from "./part-viewer.module.css";

export interface HighlightGroup extends PaintGroup {
  /** Painted in this colour over the thickness heat map; groups without it are hidden there. */
  heatMapColour?: [number, number, number];
}

const baseColour: [number, number, number] = [0.72, 0.76, 0.81];
/** Triangles needing support in the "as printed" view: violet, apart from the findings' red and amber. */
export const supportColour: [number, number, number] = [0.49, 0.3, 0.75];

/** A process's build orientation, as the engine chose it (quoting-engine/printing/choose-build-orientation.ts). */
export interface ViewerOrientation {
  /** Rows: the plate's x, the plate's y and up, in the part's frame. */
  rotation: readonly number[];
  footprintMm: readonly [number, number];
  label: string;
}
type View = "iso" | "top" | "front" | "side";
const viewDirections: Record<View, [number, number, number]> = {
  iso: [1, -1.2, 0.9],
  top: [0, -0.0001, 1],
  front: [0, -1, 0],
  side: [1, 0, 0],
};

/**
 * The part in 3D: drag to rotate, wheel or pinch to zoom, right-drag or two fingers to pan, and buttons
 * to fit the part and look from fixed directions. Faces named in `highlights` are painted in their
 * group's colour (later groups over earlier ones); wall findings mark the triangles thinner than their
 * limit. "Wall thickness" switches to a heat map of the mesh's thickness with a legend. Without WebGL it
 * says so instead of failing.
 */
export function PartViewer({
  meshUrl,
  highlights,
  label,
  orientation,
}: {
  meshUrl: string;
  highlights: HighlightGroup[];
  label: string;
  /** When given, a toggle shows the part as printed: turned, on a build plate, supported faces in violet. */
  orientation?: ViewerOrientation;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const stateRef = useRef<{
    renderer: WebGLRenderer;
    scene: Scene;
    camera: PerspectiveCamera;
    controls: OrbitControls;
    mesh?: ViewerMesh;
    part?: Mesh;
    plate?: Group;
    render: () => void;
  } | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "no-webgl" | "failed">("loading");
  const [message, setMessage] = useState("");
  const [asPrinted, setAsPrinted] = useState(false);
  const printed = asPrinted && orientation ? orientation : undefined;
  const [heatMap, setHeatMap] = useState(false);
  const [hasThickness, setHasThickness] = useState(false);
  const [markedTriangles, setMarkedTriangles] = useState(0);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let renderer: WebGLRenderer;
    try {
      renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    } catch {
      // Reported from a callback, as from any outside system: the effect itself only sets up.
      queueMicrotask(() => setStatus("no-webgl"));
      return;
    }
    renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    renderer.setClearColor(new Color("#f3f6f9"));
    container.appendChild(renderer.domElement);
    renderer.domElement.setAttribute("aria-hidden", "true");
    const scene = new Scene();
    const camera = new PerspectiveCamera(35, 1, 0.1, 100_000);
    camera.up.set(0, 0, 1);
    scene.add(new AmbientLight(0xffffff, 1.1));
    const key = new DirectionalLight(0xffffff, 1.6);
    camera.add(key);
    key.position.set(1, 1, 2);
    scene.add(camera);
    const controls = new OrbitControls(camera, renderer.domElement);
    const render = () => renderer.render(scene, camera);
    controls.addEventListener("change", render);
    const resize = () => {
      const { clientWidth, clientHeight } = container;
      renderer.setSize(clientWidth, clientHeight, false);
      camera.aspect = clientWidth / Math.max(1, clientHeight);
      camera.updateProjectionMatrix();
      render();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    stateRef.current = { renderer, scene, camera, controls, render };
    resize();

    let cancelled = false;
    fetch(meshUrl)
      .then(async (response) => {
        if (!response.ok) throw new Error(`The 3D view could not be loaded (HTTP ${response.status}).`);
        return new Uint8Array(await response.arrayBuffer());
      })
      .then((bytes) => {
        if (cancelled || !stateRef.current) return;
        const viewerMesh = displayMeshGeometry(bytes);
        const material = new MeshStandardMaterial({
          vertexColors: true,
          metalness: 0.1,
          roughness: 0.65,
          flatShading: true,
        });
        const part = new Mesh(viewerMesh.geometry, material);
        part.matrixAutoUpdate = false;
        scene.add(part);
        stateRef.current.mesh = viewerMesh;
        stateRef.current.part = part;
        setHasThickness(viewerMesh.triangleThicknessMm !== undefined);
        setStatus("ready");
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setStatus("failed");
          setMessage(error instanceof Error ? error.message : String(error));
        }
      });
    return () => {
      cancelled = true;
      observer.disconnect();
      controls.dispose();
      renderer.dispose();
      renderer.domElement.remove();
      stateRef.current = null;
    };
  }, [meshUrl]);

  useEffect(() => {
    const state = stateRef.current;
    if (status !== "ready" || !state?.mesh) return;
    const groups = heatMap
      ? highlights.flatMap((group) =>
          group.heatMapColour ? [{ ...group, colour: group.heatMapColour }] : [],
        )
      : highlights;
    const marked = paintMesh(state.mesh, groups, baseColour, heatMap);
    if (printed && !heatMap) paintSupported(state.mesh, printed.rotation, supportColour);
    state.render();
    // Reported from the painting pass, like any outside system's answer (and read by the journeys).
    queueMicrotask(() => setMarkedTriangles(marked));
  }, [highlights, status, heatMap, printed]);

  // As printed: the part turned by the orientation's rotation, standing on a plate at z = 0.
  useEffect(() => {
    const state = stateRef.current;
    if (status !== "ready" || !state?.part || !state.mesh) return;
    state.plate?.removeFromParent();
    state.plate = undefined;
    const matrix = new Matrix4();
    if (printed) {
      const r = printed.rotation;
      matrix.set(r[0]!, r[1]!, r[2]!, 0, r[3]!, r[4]!, r[5]!, 0, r[6]!, r[7]!, r[8]!, 0, 0, 0, 0, 1);
      const box = state.mesh.geometry.boundingBox!.clone().applyMatrix4(matrix);
      const centre = box.getCenter(new Vector3());
      matrix.premultiply(new Matrix4().makeTranslation(-centre.x, -centre.y, -box.min.z));
      const size = box.getSize(new Vector3());
      const side = Math.max(size.x, size.y) * 1.4;
      const plate = new Group();
      const slab = new Mesh(
        new BoxGeometry(side, side, side * 0.02),
        new MeshStandardMaterial({ color: new Color("#9aa5b1"), roughness: 0.9 }),
      );
      slab.position.z = -side * 0.01 - side * 0.002;
      const grid = new GridHelper(side, 10, 0x5b6673, 0x7c8794);
      grid.rotation.x = Math.PI / 2;
      grid.position.z = -side * 0.0015;
      plate.add(slab, grid);
      state.scene.add(plate);
      state.plate = plate;
    }
    state.part.matrix.copy(matrix);
    state.part.matrixWorldNeedsUpdate = true;
    look("iso");
  }, [status, printed]);

  function look(view: View) {
    const state = stateRef.current;
    const geometry = state?.mesh?.geometry;
    if (!state || !geometry?.boundingBox || !state.part) return;
    const box: Box3 = geometry.boundingBox.clone().applyMatrix4(state.part.matrix);
    // As printed, the plate is in the picture too.
    if (state.plate) box.union(new Box3().setFromObject(state.plate));
    const centre = box.getCenter(new Vector3());
    const radius = Math.max(1e-3, box.getSize(new Vector3()).length() / 2);
    const distance = radius / Math.sin(((state.camera.fov / 2) * Math.PI) / 180);
    const direction = new Vector3(...viewDirections[view]).normalize();
    state.camera.position.copy(centre).addScaledVector(direction, distance * 1.05);
    state.camera.near = distance / 100;
    state.camera.far = distance * 100;
    state.camera.updateProjectionMatrix();
    state.controls.target.copy(centre);
    state.controls.update();
    state.render();
  }

  return (
    <div className={styles.viewer}>
      <div
        ref={containerRef}
        className={styles.viewerCanvas}
        role="img"
        aria-label={label}
        data-status={status}
        data-heat-map={heatMap ? "on" : "off"}
        data-marked-triangles={markedTriangles}
        data-testid="part-viewer"
      >
        {status === "loading" && <p className={styles.viewerNote}>Loading the 3D view…</p>}
        {status === "no-webgl" && (
          <p className={styles.viewerNote}>
            This browser has no WebGL, so the 3D view is off. Everything else on this page works.
          </p>
        )}
        {status === "failed" && <p className={styles.viewerNote}>{message}</p>}
      </div>
      <div className={styles.viewerTools} role="toolbar" aria-label="3D view">
        <button type="button" className="secondary" onClick={() => look("iso")}>
          Fit
        </button>
        <button type="button" className="secondary" onClick={() => look("top")}>
          Top
        </button>
        <button type="button" className="secondary" onClick={() => look("front")}>
          Front
        </button>
        <button type="button" className="secondary" onClick={() => look("side")}>
          Side
        </button>
        {orientation && (
          <button
            type="button"
            className="secondary"
            aria-pressed={asPrinted}
            onClick={() => setAsPrinted((value) => !value)}
            data-testid="as-printed"
          >
            As printed
          </button>
        )}
        {hasThickness && (
          <button
            type="button"
            className="secondary"
            aria-pressed={heatMap}
            aria-controls="wall-thickness-legend"
            onClick={() => setHeatMap((on) => !on)}
          >
            Wall thickness
          </button>
        )}
        <span className="hint">Drag to rotate · scroll to zoom · right-drag to pan</span>
      </div>
      {heatMap && hasThickness && <ThicknessLegend id="wall-thickness-legend" />}
    </div>
  );
}
