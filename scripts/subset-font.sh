#!/bin/sh
# Subsets Liberation Sans 2 (SIL Open Font Licence 1.1, Debian package fonts-liberation2) for the site's SVG and
# PNG downloads, which embed it so they look the same wherever they are opened. "Liberation" and "Arimo" are
# Reserved Font Names, so the subset (a Modified Version under the OFL) is renamed "Ward Explorer Sans".
# Run once after changing the character set; needs fonttools (`pip install fonttools`). Output is committed
# in static/fonts/ beside the licence.
set -eu
SOURCE_DIR=${1:-/usr/share/fonts/truetype/liberation2}
OUT_DIR=$(dirname "$0")/../static/fonts
# Basic Latin, Latin-1 (£ ² © ½ ×), dashes and quotes, bullet, ellipsis, arrows, minus, Σ, √ and subscript i.
UNICODES="U+0020-007E,U+00A0-00FF,U+2010-2015,U+2018-201E,U+2022,U+2026,U+2030,U+2032-2033,U+2190-2193,U+2212,U+221A,U+03A3,U+1D62"
for weight in Regular Bold; do
	out="$OUT_DIR/WardExplorerSans-$weight.ttf"
	pyftsubset "$SOURCE_DIR/LiberationSans-$weight.ttf" --unicodes="$UNICODES" --layout-features='kern' --no-hinting \
		--desubroutinize --drop-tables+=FFTM --output-file="$out"
	python3 - "$out" "$weight" <<'PY'
import sys
from fontTools.ttLib import TTFont
path, weight = sys.argv[1], sys.argv[2]
font = TTFont(path)
names = {1: 'Ward Explorer Sans', 2: weight, 4: f'Ward Explorer Sans {weight}', 6: f'WardExplorerSans-{weight}',
	3: f'Ward Explorer Sans {weight} (subset of Liberation Sans 2)', 16: 'Ward Explorer Sans', 17: weight}
for record in list(font['name'].names):
	if record.nameID in names or record.nameID in (18, 21, 22):
		font['name'].removeNames(nameID=record.nameID)
for name_id, text in names.items():
	font['name'].setName(text, name_id, 3, 1, 0x409)
font.save(path)
PY
done
