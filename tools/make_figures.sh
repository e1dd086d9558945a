#!/bin/sh
# Re-make every figure in docs/ (README's screenshots and examples) with the app itself.
# usage: sh tools/make_figures.sh   (from the checkout, after `make run` or `make test`)
set -e
P=${PYTHON:-.venv/bin/python}
note="--logits 2,1,0.1 --target 0"
$P main.py export docs/window.png $note
$P main.py export docs/window_zh.png $note --lang zh_CN
$P main.py export docs/window_dark.png $note --theme dark
$P main.py export docs/regression.png --preset mse_x1_w2 --view regression
$P main.py export docs/mse_vs_ce.png --preset confidently_wrong --view mse_vs_ce --size 900x560
$P main.py export docs/fig.png $note --view softmax --size 640x420 --scale 2
$P main.py export docs/surface.svg --preset confidently_wrong --view surface
$P main.py export docs/softmax.pdf $note --view softmax
$P main.py export docs/slide.png $note --view softmax --presentation --size 800x560
$P main.py animate docs/temperature.gif --vary temperature=0.25:4 --view softmax $note \
    --frames 30 --fps 8 --size 640x420
$P main.py animate docs/surface.mp4 --vary logits.0=-4:4 --view surface --frames 40 --fps 10
$P main.py export docs/binary.png --view binary
$P main.py export docs/family.png --preset focal_easy_examples
$P main.py export docs/saturation.png --preset focal_easy_examples --view mse_vs_ce --size 900x560
$P main.py export docs/graph.png $note --view graph --size 1000x1000
