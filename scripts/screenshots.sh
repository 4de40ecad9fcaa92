#!/usr/bin/env bash
# npm run screenshots: regenerates the README's dashboard screenshots (docs/screenshots/*.png)
# by running the end-to-end suite with PERKWIRE_README_SCREENSHOTS set: the same browser run
# that tests the views also saves each main view, at a laptop width, for the README.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PERKWIRE_README_SCREENSHOTS=docs/screenshots bash scripts/test-e2e.sh "$@"
