"""The one list of therapy ids the tests use, read from the bundled content (never typed out), so
a therapy added to data/therapies.yaml is tested everywhere without editing a test."""

from lupus_guide.content import load_content

THERAPY_IDS: tuple[str, ...] = tuple(t.id for t in load_content().therapies)
