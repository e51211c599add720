# FreeCAD's STEP reader and volume, timed in FreeCAD's own process for bench/step-freecad-bench.ts.
# Run as `freecadcmd bench/freecad-read-volume.py` with FREECAD_BENCH_FILES (comma-separated paths) and
# FREECAD_BENCH_RUNS; prints one JSON line per timed run (process CPU time of all threads, and wall time).
import json
import os
import time

import Part

runs = int(os.environ.get("FREECAD_BENCH_RUNS", "3"))
for path in os.environ["FREECAD_BENCH_FILES"].split(","):
    for run in range(runs + 1):  # the first run warms up (loading OpenCascade's STEP libraries)
        cpu, wall = time.process_time(), time.perf_counter()
        shape = Part.Shape()
        shape.read(path)
        volume = shape.Volume
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if run > 0:
            print("freecad-bench " + json.dumps({"file": path, "cpuMs": cpu * 1000, "wallMs": wall * 1000, "volumeMm3": volume}), flush=True)
