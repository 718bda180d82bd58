"""Golden output of the renderers, width 80, in colour and without.

Update: pytest --snapshot-update"""

import pytest

CASES = [
    ("therapies",),
    ("therapies", "belimumab"),
    ("side-effects", "rituximab"),
    ("prepare", "--therapy", "cyclophosphamide"),
    ("faq",),
    ("costs",),
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: "-".join(a))
@pytest.mark.parametrize("fmt", ["table", "plain"])
def test_no_colour(cli, snapshot, args, fmt):
    result = cli(*args, "--format", fmt, "--color", "never")
    assert result.code == 0
    assert result.stdout == snapshot


@pytest.mark.parametrize("args", CASES[:3], ids=lambda a: "-".join(a))
def test_colour(cli, snapshot, args):
    result = cli(*args, "--color", "always")
    assert result.code == 0
    assert result.stdout == snapshot


@pytest.mark.parametrize("args", [("handout", "rituximab"), ("prepare", "--therapy", "belimumab"),
                                  ("side-effects", "obinutuzumab")], ids=lambda a: "-".join(a))
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_document_formats(cli, snapshot, args, fmt):
    result = cli(*args, "--format", fmt, "--clinic", "examples/clinic-pack")
    assert result.code == 0
    assert result.stdout == snapshot
