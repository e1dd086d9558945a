"""Qt's SVG made to render the same in every SVG renderer, not only in Qt and browsers.

QSvgGenerator draws a plot's curves inside a group scaled from data units to pixels
(transform="matrix(24.37,0,0,-24.37,…)") and keeps their pens one pixel wide with
vector-effect="non-scaling-stroke". Renderers without that SVG Tiny 1.2 feature (librsvg:
GNOME, Inkscape's import, many LaTeX toolchains) scale the stroke with the data: a 2.5-px
arrow became a 60-px red band, contours wide pale stripes, a 3-px target mark covered the
softmax plot in black. Here such shapes get their coordinates in output units and lose the
vector-effect, so a stroke is as wide in every renderer, and scales with the figure as a
whole when the figure is shown larger (as its text does).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
G = f"{{{SVG_NS}}}g"
EFFECT = "vector-effect"
MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
PAIRS_PER_COMMAND = {"M": 1, "L": 1, "T": 1, "Q": 2, "S": 2, "C": 3, "Z": 0}

Matrix = tuple[float, float, float, float, float, float]  # SVG's a b c d e f


def portable_svg(data: bytes) -> bytes:
    """The same picture with every non-scaling stroke drawn in output units."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(data)
    for group in list(root.iter(G)):
        matrix = parse_matrix(group.get("transform"))
        if matrix is not None:
            _flatten(group, matrix)
    for element in root.iter():
        element.attrib.pop(EFFECT, None)  # none left that needs it
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse_matrix(text: str | None) -> Matrix | None:
    match = MATRIX.match(text or "")
    if match is None:
        return None
    values = [float(v) for v in re.split(r"[\s,]+", match.group(1).strip())]
    return tuple(values) if len(values) == 6 else None  # type: ignore[return-value]


def _flatten(group: ET.Element, m: Matrix) -> None:
    """Move group's transform into its non-scaling shapes' coordinates; whatever cannot
    take it (text, images, shapes whose stroke scales) keeps it in a group of its own."""
    a, b, c, d, _, _ = m
    if (a, b, c, d) == (1, 0, 0, 1):
        return  # a translation leaves strokes alone
    for index, child in enumerate(list(group)):
        if child.get(EFFECT) == "non-scaling-stroke" and _bake(child, m):
            continue
        wrapper = ET.Element(G, {"transform": group.get("transform")})
        group.remove(child)
        wrapper.append(child)
        group.insert(index, wrapper)
    del group.attrib["transform"]


def _point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"


def _pairs(values: list[float], m: Matrix) -> str:
    out = []
    for k in range(0, len(values) - 1, 2):
        x, y = _point(m, values[k], values[k + 1])
        out.append(f"{_num(x)},{_num(y)}")
    return " ".join(out)


def _floats(text: str | None) -> list[float]:
    return [float(v) for v in re.split(r"[\s,]+", (text or "").strip()) if v]


def _bake(element: ET.Element, m: Matrix) -> bool:
    """element's coordinates mapped through m; False if it is a kind that cannot be."""
    tag = element.tag.rpartition("}")[2]
    a, b, c, d, _, _ = m
    axis_aligned = b == 0 and c == 0
    if tag in ("polyline", "polygon"):
        element.set("points", _pairs(_floats(element.get("points")), m))
        return True
    if tag == "path":
        baked = _bake_path(element.get("d", ""), m)
        if baked is None:
            return False
        element.set("d", baked)
        return True
    if tag == "line":
        x1, y1 = _point(m, float(element.get("x1", 0)), float(element.get("y1", 0)))
        x2, y2 = _point(m, float(element.get("x2", 0)), float(element.get("y2", 0)))
        for key, value in zip(("x1", "y1", "x2", "y2"), (x1, y1, x2, y2), strict=True):
            element.set(key, _num(value))
        return True
    if tag == "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        w, h = float(element.get("width", 0)), float(element.get("height", 0))
        if not axis_aligned or element.get("rx") or element.get("ry"):
            corners = [x, y, x + w, y, x + w, y + h, x, y + h]
            element.tag = f"{{{SVG_NS}}}path"
            for key in ("x", "y", "width", "height", "rx", "ry"):
                element.attrib.pop(key, None)
            element.set("d", "M" + " L".join(_pairs(corners, m).split(" ")) + " Z")
            return True
        x0, y0 = _point(m, x, y)
        x1, y1 = _point(m, x + w, y + h)
        element.set("x", _num(min(x0, x1)))
        element.set("y", _num(min(y0, y1)))
        element.set("width", _num(abs(x1 - x0)))
        element.set("height", _num(abs(y1 - y0)))
        return True
    if tag in ("circle", "ellipse") and axis_aligned:
        cx, cy = _point(m, float(element.get("cx", 0)), float(element.get("cy", 0)))
        if tag == "circle":
            rx = ry = float(element.get("r", 0))
            element.tag = f"{{{SVG_NS}}}ellipse"
            element.attrib.pop("r")
        else:
            rx, ry = float(element.get("rx", 0)), float(element.get("ry", 0))
        element.set("cx", _num(cx))
        element.set("cy", _num(cy))
        element.set("rx", _num(abs(a) * rx))
        element.set("ry", _num(abs(d) * ry))
        return True
    return False


def _bake_path(d: str, m: Matrix) -> str | None:
    """A path of absolute M, L, C, Q, S, T and Z commands (all QSvgGenerator writes)
    mapped through m; None for any other command (arcs, relative moves)."""
    tokens = PATH_TOKEN.findall(d)
    out: list[str] = []
    k = 0
    while k < len(tokens):
        command = tokens[k]
        if command not in PAIRS_PER_COMMAND:
            return None
        k += 1
        numbers: list[float] = []
        while k < len(tokens) and not tokens[k].isalpha():
            numbers.append(float(tokens[k]))
            k += 1
        per = 2 * PAIRS_PER_COMMAND[command]
        if (per == 0 and numbers) or (per and (not numbers or len(numbers) % per)):
            return None
        out.append(command + _pairs(numbers, m) if numbers else command)
    return " ".join(out)


Box = tuple[int, int, int, int]  # x, y, width, height


def merge_fragments(parts: list[tuple[bytes, int, int, Box | None]], width: int, height: int,
                    title: str, description: str) -> bytes:
    """One SVG of width × height from the SVGs of single widgets, each (svg, x, y, box)
    placed at its widget's position and cut to box (in the fragment's own units; None:
    not cut). A fragment's ids (clip paths, gradients) get its number, so no two
    fragments share one."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    svg = ET.Element(f"{{{SVG_NS}}}svg", {
        "width": f"{width * 25.4 / 96:.3f}mm", "height": f"{height * 25.4 / 96:.3f}mm",
        "viewBox": f"0 0 {width} {height}", "version": "1.1"})
    ET.SubElement(svg, f"{{{SVG_NS}}}title").text = title
    ET.SubElement(svg, f"{{{SVG_NS}}}desc").text = description
    defs = ET.SubElement(svg, f"{{{SVG_NS}}}defs")
    for number, (data, x, y, box) in enumerate(parts):
        fragment = ET.fromstring(data)
        _prune_empty_groups(fragment)
        body = [e for e in fragment if e.tag.rpartition("}")[2] not in ("title", "desc", "defs")]
        if not body:
            continue
        _rename_ids(fragment, f"w{number}_")
        for fragment_defs in fragment.iter(f"{{{SVG_NS}}}defs"):
            defs.extend(list(fragment_defs))
        placed = ET.SubElement(svg, G, {"transform": f"translate({x},{y})"} if x or y else {})
        if box is not None:
            clip = ET.SubElement(defs, f"{{{SVG_NS}}}clipPath", {"id": f"w{number}_box"})
            ET.SubElement(clip, f"{{{SVG_NS}}}rect", dict(zip(
                ("x", "y", "width", "height"), (str(v) for v in box), strict=True)))
            placed = ET.SubElement(placed, G, {"clip-path": f"url(#w{number}_box)"})
        placed.extend(body)
    return ET.tostring(svg, encoding="utf-8", xml_declaration=True)


def _prune_empty_groups(element: ET.Element) -> None:
    """Qt writes a group for every change of pen or brush, most of them empty."""
    for child in list(element):
        if child.tag == G:
            _prune_empty_groups(child)
            if len(child) == 0:
                element.remove(child)


def _rename_ids(root: ET.Element, prefix: str) -> None:
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    if not ids:
        return
    reference = re.compile(r"url\(#([^)]+)\)")
    href = f"{{{XLINK_NS}}}href"
    for element in root.iter():
        if element.get("id") in ids:
            element.set("id", prefix + element.get("id"))
        for key, value in element.attrib.items():
            if "url(#" in value:
                element.set(key, reference.sub(
                    lambda m: f"url(#{prefix + m.group(1)})" if m.group(1) in ids
                    else m.group(0), value))
            elif key == href and value.startswith("#") and value[1:] in ids:
                element.set(key, "#" + prefix + value[1:])
