"""`ccm site`: the static site of the data (build.py), its SVG charts (chart.py) and its one adapter to APIs
other parts of the project are settling (adapter.py)."""

LANGUAGES = ("en", "fr", "es")
