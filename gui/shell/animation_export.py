"""Animations: one state field moves, a view is drawn at each step, the frames stream into
a GIF (Pillow) or an MP4 (the ffmpeg that the imageio-ffmpeg wheel ships).

`main.py animate` and File ▸ Export animation both come here, and each frame is drawn by
the same offscreen view as `main.py export`, in figure mode. The axes hold from the first
frame to the last: every frame's state is shown once without drawing (the views' ranges
only grow meanwhile, gui.look.plot_style.ranges_only_grow) before the frames are drawn, so
every frame has the axes that hold them all. A frame therefore equals `export` of its state
except where the axes are wider than that state alone needs.
Frames are encoded as they are drawn and never held together: memory stays that of one
frame whatever the count. The file is written to a temporary name beside the target
and renamed into place, so a failure or a cancel leaves no partial file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from core.state import State
from core.state_file import WriteError, temporary_beside
from gui.look.plot_style import ranges_only_grow
from gui.shell.figure_export import ExportError, render_image
from gui.shell.figure_mode import figure_mode
from gui.shell.headless_export import check_folder, offscreen_view

FORMATS = ("gif", "mp4")
DEFAULT_FRAMES = 40
DEFAULT_FPS = 10
MAX_FPS = 60


class Cancelled(Exception):
    """The user stopped the export; nothing was written."""


def animation_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"{path}: unknown animation format {suffix or '(none)'!r}; "
                          "use .gif or .mp4")
    return suffix


def check_fps(fps: float, kind: str = "mp4") -> float:
    """GIF frame delays are whole hundredths of a second up to 655.35 s, and browsers play
    delays under 2/100 s at 10 fps: so a GIF takes 1/655 to 50 frames per second."""
    low, high = (1 / 655, 50) if kind == "gif" else (1 / 655, MAX_FPS)
    if not low <= fps <= high:
        raise ExportError(f"--fps {fps:g}: a {kind.upper()} takes {low:.4g} to {high} "
                          "frames per second")
    return fps


def export_animation(states: list[State], out: str | Path, view: str = "all",
                     size: tuple[int, int] | None = None, fps: float = DEFAULT_FPS,
                     language: str = "en", theme: str = "light", presentation: bool = False,
                     progress: Callable[[int, int], bool] | None = None) -> Path:
    """Write states as the frames of out (.gif or .mp4). progress(done, total) is called
    after each frame (with done 0 while the states are first shown, before any frame);
    returning False cancels (Cancelled is raised, nothing is written)."""
    kind = animation_format(out)
    check_fps(fps, kind)
    check_folder(out)
    out = Path(out)
    try:
        temporary = temporary_beside(out, f".{kind}")  # ffmpeg reads the format from it
    except WriteError as exc:
        raise ExportError(str(exc)) from None
    writer = (GifWriter if kind == "gif" else Mp4Writer)(temporary, fps)
    try:
        with (offscreen_view(states[0], view, size, language, theme, presentation) as shown,
              figure_mode(shown.target), ranges_only_grow()):  # as `export` figures look
            for state in states:  # the ranges grow to hold every frame; nothing drawn
                shown.show_state(state, settle=False)
                if progress is not None and progress(0, len(states)) is False:
                    raise Cancelled
            for k, state in enumerate(states):
                shown.show_state(state)
                writer.add(render_image(shown.target))
                if progress is not None and progress(k + 1, len(states)) is False:
                    raise Cancelled
        writer.close()
        os.replace(temporary, out)
    except BaseException as exc:
        writer.abort()
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"{out}: cannot write ({exc.strerror or exc})") from None
        raise
    return out


def _rgb_bytes(image) -> tuple[bytes, int, int]:
    """A QImage as tightly packed RGB888 bytes (no row padding)."""
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = rgb.width(), rgb.height()
    row = rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    if row != 3 * width:
        data = b"".join(data[y * row: y * row + 3 * width] for y in range(height))
    return data, width, height


def _even_sized(image):
    """yuv420p needs an even width and height: an odd one gets one more row or column of
    the background colour (rather than ffmpeg rescaling every line by a fraction)."""
    from PySide6.QtGui import QImage, QPainter

    width, height = image.width() + image.width() % 2, image.height() + image.height() % 2
    if (width, height) == (image.width(), image.height()):
        return image
    padded = QImage(width, height, QImage.Format.Format_RGB888)
    padded.fill(image.pixelColor(image.width() - 1, image.height() - 1))
    painter = QPainter(padded)
    painter.drawImage(0, 0, image)
    painter.end()
    return padded


class GifWriter:
    """A looping GIF written frame by frame, each frame with its own 256-colour palette
    (Pillow's getheader/getdata: its save_all keeps every frame in memory until the end)."""

    def __init__(self, path: Path, fps: float) -> None:
        self._file = open(path, "wb")  # noqa: SIM115 (closed in close/abort)
        self._delay_ms = round(1000 / fps)  # 20 ms to 655 s: check_fps
        self._started = False

    def add(self, image) -> None:
        from PIL import GifImagePlugin, Image

        data, width, height = _rgb_bytes(image)
        frame = Image.frombytes("RGB", (width, height), data).quantize(
            256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        if not self._started:
            header, _ = GifImagePlugin.getheader(frame, info={"loop": 0})
            self._file.write(b"".join(header))
            self._started = True
        for chunk in GifImagePlugin.getdata(frame, duration=self._delay_ms,
                                            include_color_table=True):
            self._file.write(chunk)

    def close(self) -> None:
        self._file.write(b";")  # the GIF trailer
        self._file.close()

    def abort(self) -> None:
        self._file.close()


class Mp4Writer:
    """H.264 in MP4 (yuv420p, what slides and browsers play), through imageio-ffmpeg's
    bundled ffmpeg, fed one raw frame at a time."""

    def __init__(self, path: Path, fps: float) -> None:
        self._path, self._fps = path, fps
        self._pipe = None

    def add(self, image) -> None:
        data, width, height = _rgb_bytes(_even_sized(image))
        if self._pipe is None:
            import imageio_ffmpeg

            self._size = (width, height)
            self._pipe = imageio_ffmpeg.write_frames(
                str(self._path), (width, height), fps=self._fps, codec="libx264",
                pix_fmt_in="rgb24", pix_fmt_out="yuv420p", quality=8,
                macro_block_size=1,  # even sizes already (_even_sized): no rescaling
                output_params=["-movflags", "+faststart"], ffmpeg_log_level="error")
            self._pipe.send(None)
        self._pipe.send(data)

    def close(self) -> None:
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None

    def abort(self) -> None:
        self.close()
