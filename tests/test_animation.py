"""Animations: one state field moves from START to END and a view is drawn at each step,
streamed into a GIF (Pillow) or MP4 (imageio-ffmpeg's own ffmpeg)."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.state import State
from core.state_vary import numeric_fields, parse_vary, vary_states

ROOT = Path(__file__).resolve().parent.parent


def test_vary_moves_one_field_evenly_with_exact_ends():
    states = vary_states(State(), parse_vary("temperature=0.5:4"), 8)
    assert states[0].temperature == 0.5 and states[-1].temperature == 4
    assert np.allclose(np.diff([s.temperature for s in states]), 0.5)
    assert all(s.logits == State().logits for s in states)


def test_vary_names_are_state_file_paths():
    states = vary_states(State(), parse_vary("logits.0=−2:2"), 3)  # Unicode minus, as typed
    assert [s.logits[0] for s in states] == [-2.0, 0.0, 2.0]
    states = vary_states(State(), parse_vary("regression.w=0:1"), 2)
    assert [s.regression.w for s in states] == [0.0, 1.0]
    assert {"temperature", "label_smoothing", "logits.2", "regression.b"} <= set(
        numeric_fields(State()))


@pytest.mark.parametrize("text, says", [
    ("temperature", "expected NAME=START:END"),
    ("temperature=1,5:2", "with a point"),
    ("nope=1:2", "no such numeric field"),
    ("logits.3=1:2", "no such numeric field"),
    ("reduction=1:2", "not a number"),
    ("temperature=0:4", "temperature=0 "),          # the frame that is refused, by value
    ("label_smoothing=0:1", "label_smoothing=1 "),
])
def test_a_bad_vary_is_refused_before_any_frame(text, says):
    with pytest.raises(ValueError, match=None) as caught:
        vary_states(State(), parse_vary(text), 5)
    assert says in str(caught.value)


def test_frames_are_bounded():
    with pytest.raises(ValueError, match="--frames 1"):
        vary_states(State(), parse_vary("temperature=1:2"), 1)


def _export_png(state, view, size, out):
    from gui.shell.headless_export import export_figure

    return export_figure(state, out, view=view, size=size)


@pytest.mark.gui
def test_gif_axes_hold_from_the_first_frame(qapp, tmp_path):
    """Every frame has the axes that hold all frames: the y axis (its range, ticks and
    labels) is the same picture in each; the bars move. Frame 0 is therefore `export` of
    the first state only where that state needs no wider axes (here it differs: before,
    the range and tick spacing changed between frames 0 and 1)."""
    from gui.shell.animation_export import export_animation

    states = vary_states(State(), parse_vary("temperature=0.25:4"), 5)
    out = export_animation(states, tmp_path / "t.gif", view="softmax", size=(480, 360), fps=5)
    with Image.open(out) as gif:
        assert gif.n_frames == 5 and gif.size == (480, 360) and gif.info["loop"] == 0
        frames = []
        for k in range(gif.n_frames):
            gif.seek(k)
            assert gif.info["duration"] == 200
            frames.append(np.asarray(gif.convert("RGB"), dtype=float))
    axis = np.s_[80:-20, :45]  # the y axis's ticks and labels, under the readouts
    # 256 colours per frame, no dithering: the same picture within palette rounding
    assert [round(float(np.abs(f[axis] - frames[0][axis]).mean()), 1) for f in frames] == \
        [0.0] * 5
    assert np.abs(frames[0] - frames[4]).mean() > 0.5  # it moves
    png = np.asarray(Image.open(_export_png(states[4], "softmax", (480, 360),
                                            tmp_path / "last.png")).convert("RGB"), float)
    assert np.abs(png[axis] - frames[4][axis]).mean() > 1  # alone, T = 4 has other axes
    assert list(tmp_path.glob(".loss-lens-*")) == []


@pytest.mark.gui
def test_mp4_has_every_frame_at_the_rate_asked(qapp, tmp_path):
    import imageio_ffmpeg

    from gui.shell.animation_export import export_animation

    states = vary_states(State(), parse_vary("logits.1=-1:3"), 6)
    out = export_animation(states, tmp_path / "t.mp4", view="surface", size=(481, 321), fps=3)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(out))
    assert frames == 6 and seconds == pytest.approx(2.0, abs=0.1)


@pytest.mark.gui
def test_gif_is_streamed_frame_by_frame(qapp, tmp_path):
    """Each frame reaches the file as it is drawn (nothing holds all frames)."""
    from gui.shell.animation_export import GifWriter, export_animation

    sizes = []
    real_add = GifWriter.add

    def add(self, image):
        real_add(self, image)
        self._file.flush()
        sizes.append(Path(self._file.name).stat().st_size)

    GifWriter.add = add
    try:
        export_animation(vary_states(State(), parse_vary("temperature=1:2"), 3),
                         tmp_path / "s.gif", view="softmax", size=(480, 320))
    finally:
        GifWriter.add = real_add
    assert sizes[0] > 0 and sizes[0] < sizes[1] < sizes[2]


@pytest.mark.gui
def test_cancel_writes_nothing_and_keeps_an_existing_file(qapp, tmp_path):
    from gui.shell.animation_export import Cancelled, export_animation

    out = tmp_path / "keep.gif"
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        export_animation(vary_states(State(), parse_vary("temperature=1:2"), 5), out,
                         view="softmax", size=(480, 320), progress=lambda done, total: done < 2)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.gif"]


def _cli(*args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(cwd)})


def test_animate_from_the_command_line(tmp_path):
    done = _cli("animate", "a.gif", "--vary", "label_smoothing=0:0.5", "--frames", "3",
                "--view", "softmax", "--size", "480x320", "--logits", "-1,2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with Image.open(tmp_path / "a.gif") as gif:
        assert done.stdout.strip() == "a.gif" and gif.n_frames == 3


@pytest.mark.parametrize("args, says", [
    (["a.avi", "--vary", "temperature=1:2"], "unknown animation format 'avi'"),
    (["a.gif", "--vary", "temperature=0:2"], "temperature=0 "),
    (["a.gif", "--vary", "temperature=1:2", "--fps", "0"], "--fps 0"),
    (["a.gif", "--vary", "temperature=1:2", "--frames", "1"], "--frames 1"),
    (["no/such/folder/a.gif", "--vary", "temperature=1:2"], "does not exist"),
])
def test_animate_bad_input_is_one_line(tmp_path, args, says):
    done = _cli("animate", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert says in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert list(tmp_path.glob("*.gif")) == []


@pytest.mark.parametrize("fps", ["0.001", "51"])
def test_a_gif_refuses_frame_rates_its_delays_cannot_hold(tmp_path, fps):
    done = _cli("animate", "a.gif", "--vary", "temperature=1:2", "--fps", fps, cwd=tmp_path)
    assert done.returncode == 2 and "frames per second" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
