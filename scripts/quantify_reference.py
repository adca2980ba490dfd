#!/usr/bin/python3
"""Independent numpy/scipy implementation of PacsNode's lesion metrics (../shared/DOMAIN.md section 4).

Reads a folder of single-frame PET slices with pydicom, builds the SUVbw volume and measures it with scipy.ndimage:

  * 26-connected labelling of the voxels >= --threshold (SUV), per label: count, sum, max, min, max voxel (the
    smallest linear index among equal maxima, as PacsNode's kernels report it);
  * for each label (the --max-lesions hottest), the VOI: the 26-connected component of voxels >= --fraction
    (default 0.41) of the label's SUVmax that contains its max voxel; its MTV (count x voxel volume, ml), SUVmean,
    SUVmax and SUVpeak;
  * SUVpeak: the mean over voxel centres within 6.2035 mm (1 cm3) of a voxel's centre, by convolution with the
    sphere kernel, clipped at the borders (normalised by the same convolution of a volume of ones); the VOI's SUVpeak
    is the largest such mean over the VOI's voxels.

The SUVbw factor comes from --truth (truth.json of `pacsnode phantom`) or, without it, from the headers: only
Units BQML with DecayCorrection START is supported (reference time SeriesDate/Time, or the earliest acquisition when
the series time is later; injection RadiopharmaceuticalStartDateTime, else SeriesDate + RadiopharmaceuticalStartTime).
Other units, decay corrections and vendor private factors are refused: PacsNode's SuvCalculator is the full version.

Voxel indices are [x, y, z] = [column, row, slice] with slices sorted by position along the slice normal (z = 0
first), as in PacsNode's VolumeGeometry. Prints JSON with the time of each stage. Run with /usr/bin/python3 (Debian's
python3-numpy, python3-scipy, python3-pydicom).

  /usr/bin/python3 scripts/quantify_reference.py PET_FOLDER [--truth truth.json] [--threshold 2.5] [--fraction 0.41]
"""
import argparse
import datetime
import json
import math
import os
import sys
import time

import numpy as np
import pydicom
from scipy import ndimage

PEAK_RADIUS_MM = 6.2035
UNCOMPRESSED = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1"}


def read_series(folder):
    slices = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        try:
            ds = pydicom.dcmread(path)
        except pydicom.errors.InvalidDicomError:
            continue
        if getattr(ds, "Modality", "") == "PT" and "PixelData" in ds:
            slices.append(ds)
    if not slices:
        sys.exit(f"{folder}: no PET slices")
    row = np.array([float(v) for v in slices[0].ImageOrientationPatient[:3]])
    col = np.array([float(v) for v in slices[0].ImageOrientationPatient[3:]])
    normal = np.cross(row, col)
    positions = [float(np.dot(normal, [float(v) for v in ds.ImagePositionPatient])) for ds in slices]
    order = np.argsort(positions, kind="stable")
    slices = [slices[i] for i in order]
    positions = [positions[i] for i in order]
    gaps = np.diff(positions)
    if len(gaps) and (gaps.min() <= 0 or (gaps.max() - gaps.min()) > 0.01 * gaps.mean()):
        sys.exit("slices are not evenly spaced along the normal")
    dz = float(gaps.mean()) if len(gaps) else float(slices[0].SliceThickness)
    dy, dx = (float(v) for v in slices[0].PixelSpacing)  # PixelSpacing = row spacing \ column spacing
    rows, cols = int(slices[0].Rows), int(slices[0].Columns)
    stored = np.empty((len(slices), rows, cols), dtype=np.float64)
    slopes = np.empty(len(slices))
    for k, ds in enumerate(slices):
        if float(getattr(ds, "RescaleIntercept", 0)) != 0:
            sys.exit("a non-zero RescaleIntercept is an error for PET")
        slopes[k] = float(getattr(ds, "RescaleSlope", 1))
        syntax = str(ds.file_meta.TransferSyntaxUID)
        if syntax in UNCOMPRESSED and ds.BitsAllocated == 16 and ds.BitsStored == 16:
            dtype = "<i2" if ds.PixelRepresentation == 1 else "<u2"
            stored[k] = np.frombuffer(ds.PixelData, dtype=dtype, count=rows * cols).reshape(rows, cols)
        else:
            stored[k] = ds.pixel_array
    return slices, stored, slopes, (dx, dy, dz)


def dicom_datetime(date, time_text):
    t = time_text.split(".")
    frac = float("0." + t[1]) if len(t) > 1 and t[1] else 0.0
    base = datetime.datetime.strptime(date + t[0].ljust(6, "0"), "%Y%m%d%H%M%S")
    return base + datetime.timedelta(seconds=frac)


def factor_from_headers(slices):
    first = slices[0]
    if first.Units != "BQML" or first.DecayCorrection != "START":
        sys.exit(f"only BQML/START is supported here (got {first.Units}/{first.DecayCorrection})")
    series = dicom_datetime(first.SeriesDate, first.SeriesTime)
    earliest = min(dicom_datetime(ds.AcquisitionDate, ds.AcquisitionTime) for ds in slices)
    reference = series if series <= earliest else earliest
    item = first.RadiopharmaceuticalInformationSequence[0]
    if getattr(item, "RadiopharmaceuticalStartDateTime", ""):
        dt = item.RadiopharmaceuticalStartDateTime
        injection = dicom_datetime(dt[:8], dt[8:])
    else:
        injection = dicom_datetime(first.SeriesDate, item.RadiopharmaceuticalStartTime)
    dose, half_life = float(item.RadionuclideTotalDose), float(item.RadionuclideHalfLife)
    weight = float(first.PatientWeight)
    seconds = (reference - injection).total_seconds()
    return weight * 1000 / (dose * 2 ** (-seconds / half_life))


def sphere_kernel(spacing, radius):
    dx, dy, dz = spacing
    rx, ry, rz = (int(math.ceil(radius / s)) for s in (dx, dy, dz))
    z, y, x = np.mgrid[-rz:rz + 1, -ry:ry + 1, -rx:rx + 1]
    return ((x * dx) ** 2 + (y * dy) ** 2 + (z * dz) ** 2 <= radius ** 2).astype(np.float64)


def component_containing(suv, level, seed, start_box, structure):
    """The 26-connected component of suv >= level containing seed, found in a box grown until it fits."""
    shape = suv.shape
    margin = 2
    while True:
        box = tuple(slice(max(0, b.start - margin), min(n, b.stop + margin)) for b, n in zip(start_box, shape))
        labels, _ = ndimage.label(suv[box] >= level, structure)
        local = tuple(s - b.start for s, b in zip(seed, box))
        mask = labels == labels[local]
        touches = False
        for axis, (b, n) in enumerate(zip(box, shape)):
            if (b.start > 0 and mask.take(0, axis=axis).any()) or (b.stop < n and mask.take(-1, axis=axis).any()):
                touches = True
        if not touches:
            return box, mask
        margin *= 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--truth", help="truth.json of pacsnode phantom (its suvBwFactor is used)")
    parser.add_argument("--threshold", type=float, default=2.5, help="labelling threshold, SUV (default 2.5)")
    parser.add_argument("--fraction", type=float, default=0.41, help="VOI threshold, fraction of SUVmax (0.41)")
    parser.add_argument("--max-lesions", type=int, default=100, help="VOIs for the N labels with the highest max")
    args = parser.parse_args()
    timings = {}
    clock = time.perf_counter()

    def lap(name):
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    slices, stored, slopes, spacing = read_series(args.folder)
    lap("read")
    if args.truth:
        with open(args.truth, encoding="utf-8") as f:
            factor, factor_source = json.load(f)["suvBwFactor"], "truth"
    else:
        factor, factor_source = factor_from_headers(slices), "headers"
    scale = slopes * factor
    suv = stored * scale[:, None, None]
    lap("suv")

    structure = np.ones((3, 3, 3), dtype=bool)
    labels, count = ndimage.label(suv >= args.threshold, structure)
    lap("label")

    # Only the labelled voxels take part (ndimage.maximum/minimum with an index sort the whole label volume).
    flat = labels.ravel()
    where = np.flatnonzero(flat)
    member, values = flat[where], suv.ravel()[where]
    counts = np.bincount(member, minlength=count + 1)
    sums = np.bincount(member, weights=values, minlength=count + 1)
    maxima = np.full(count + 1, -np.inf)
    minima = np.full(count + 1, np.inf)
    np.maximum.at(maxima, member, values)
    np.minimum.at(minima, member, values)
    maxima, minima = maxima[1:], minima[1:]
    boxes = ndimage.find_objects(labels)
    max_positions = []
    for i in range(count):  # the smallest linear index among the label's maxima, as PacsNode's kernels name it
        box = boxes[i]
        first = np.argwhere((labels[box] == i + 1) & (suv[box] == maxima[i]))[0]
        max_positions.append(tuple(int(w + b.start) for w, b in zip(first, box)))
    lap("statistics")

    kernel = sphere_kernel(spacing, PEAK_RADIUS_MM)
    sums_peak = ndimage.convolve(suv, kernel, mode="constant", cval=0.0)
    counts_peak = ndimage.convolve(np.ones_like(suv), kernel, mode="constant", cval=0.0)
    peak = sums_peak / counts_peak
    lap("peak")

    voxel_ml = spacing[0] * spacing[1] * spacing[2] / 1000.0
    lesions = []
    hottest = sorted(range(count), key=lambda i: -maxima[i])
    chosen = set(hottest[:args.max_lesions])
    for i in hottest:
        z, y, x = (int(v) for v in max_positions[i])
        lesion = {
            "label": i + 1,
            "voxelCount": int(counts[i + 1]),
            "sum": float(sums[i + 1]),
            "max": float(maxima[i]),
            "min": float(minima[i]),
            "maxVoxel": [x, y, z],
            "voi": None,
        }
        if i in chosen:
            box, mask = component_containing(suv, args.fraction * maxima[i], (z, y, x), boxes[i], structure)
            values = suv[box][mask]
            peaks = peak[box][mask]
            where = np.argwhere(mask)[int(np.argmax(peaks))]
            pz, py, px = (int(w + b.start) for w, b in zip(where, box))
            lesion["voi"] = {
                "fraction": args.fraction,
                "voxelCount": int(mask.sum()),
                "mtvMl": float(mask.sum() * voxel_ml),
                "suvMean": float(values.mean()),
                "suvMax": float(values.max()),
                "suvPeak": float(peaks.max()),
                "peakVoxel": [px, py, pz],
            }
        lesions.append(lesion)
    lap("voi")
    timings["total"] = sum(timings.values())

    json.dump({
        "folder": args.folder,
        "slices": len(slices),
        "shape": [int(suv.shape[2]), int(suv.shape[1]), int(suv.shape[0])],
        "spacingMm": list(spacing),
        "suvBwFactor": factor,
        "factorSource": factor_source,
        "threshold": args.threshold,
        "labelCount": int(count),
        "lesions": lesions,
        "timingsSeconds": timings,
        "versions": {"numpy": np.__version__, "scipy": __import__("scipy").__version__, "pydicom": pydicom.__version__},
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
