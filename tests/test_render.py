import io
import re

import pytest

from lupus_guide.context import Env

ANSI = re.compile(r"\x1b\[")
BOX = re.compile(r"[─━│┃┏┓└┘╭╮╰╯┡┩]")


class FakeTTY(io.StringIO):
    encoding = "utf-8"

    def isatty(self):
        return True


@pytest.mark.parametrize("option,environ,tty,expected", [
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"TERM": "dumb"}, True, False),
    ("auto", {}, True, True),
    ("auto", {}, False, False),
])
def test_colour_decision_order(option, environ, tty, expected):
    stdout = FakeTTY() if tty else io.StringIO()
    assert Env(stdout=stdout, environ=environ, color_option=option).color is expected


def test_width_from_columns_never_below_twenty():
    assert Env(environ={"COLUMNS": "120"}, stdout=io.StringIO()).width == 120
    assert Env(environ={"COLUMNS": "5"}, stdout=io.StringIO()).width == 20
    assert Env(environ={}, stdout=io.StringIO()).width == 80


def test_plain_has_no_colour_and_no_box_drawing(cli):
    result = cli("side-effects", "rituximab", "--format", "plain", "--color", "always")
    assert not ANSI.search(result.stdout)
    assert not BOX.search(result.stdout)


def test_color_always_colours_the_table(cli):
    assert ANSI.search(cli("side-effects", "rituximab", "--color", "always").stdout)


def test_no_color_env_wins_over_auto(cli):
    result = cli("side-effects", "rituximab", env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert not ANSI.search(result.stdout)


def test_ascii_terminal_gets_ascii_markers():
    from lupus_guide.document import Callout, Document
    from lupus_guide.render.terminal import render_terminal

    class Latin1(io.StringIO):
        encoding = "latin-1"

    doc = Document("t", [Callout("emergency", "Emergency", items=["x"])])
    text = render_terminal(doc, Env(stdout=Latin1(), environ={"COLUMNS": "60"}))
    assert "[911] Emergency" in text
    text.encode("latin-1")


def test_box_table_fills_the_width_and_keeps_names_and_words_whole():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lupus_guide.render.boxtable import box_table

    word = st.text(alphabet="abcdefghij-", min_size=1, max_size=12)
    cell = st.lists(word, min_size=1, max_size=12).map(" ".join)

    @settings(max_examples=80, deadline=None)
    @given(rows=st.lists(st.lists(cell, min_size=4, max_size=4), min_size=1, max_size=5),
           width=st.integers(min_value=100, max_value=160))
    def check(rows, width):
        names = [["methylprednisolone", *row[1:]] for row in rows]
        text = box_table(["Therapy", "One", "Two", "Three"], names, width, True).plain
        lines = text.splitlines()
        assert all(len(line) == width for line in lines)
        assert "methylprednisolone" in text  # the name column is never cut
        flat = " ".join(part.strip(" │┃") for line in lines for part in line.split("│"))
        for row in rows:
            for cell_text in row[1:]:
                for w in cell_text.split():
                    assert w in flat  # no word of 12 letters or fewer is broken

    check()
