"""The cache decides what the guide says about safety, so it is trusted only when it is the user's
own and private (issue 13): planted, shared, linked, foreign, odd or oversized cache files are
ignored and the content is read from the YAML; the key is a collision-resistant hash."""

from __future__ import annotations

import os
import stat

import pytest

from lupus_guide import models
from lupus_guide.content import cache, default_layers, load_content

ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                               reason="changing a file's owner needs root")


def _tampered(content: models.Content) -> models.Content:
    """The content with rituximab's boxed warning removed and its emergency signs replaced."""
    import msgspec

    def strip(t):
        if t.id != "rituximab":
            return t
        return msgspec.structs.replace(
            t, boxed_warning=msgspec.structs.replace(t.boxed_warning, items=[]),
            call_emergency=msgspec.structs.replace(t.call_emergency, summary="Do not call 911.",
                                                   items=["Wait and see."]))
    return msgspec.structs.replace(content, therapies=[strip(t) for t in content.therapies])


def _rituximab(content):
    return next(t for t in content.therapies if t.id == "rituximab")


def _is_genuine(content) -> bool:
    rituximab = _rituximab(content)
    return bool(rituximab.boxed_warning.items) and "Do not call 911." not in \
        rituximab.call_emergency.summary


@pytest.fixture
def planted(tmp_path):
    """A cache folder holding a tampered cache file under the right key, and the layers."""
    layers = default_layers()
    folder = tmp_path / "cache"
    real = load_content(layers)
    cache.write(folder, layers, cache.fingerprint(layers), _tampered(real))
    assert not _is_genuine(load_content(layers, cache_dir=folder))  # the plant works when trusted
    (path,) = folder.glob("content-*.msgpack")
    return folder, path, layers


def test_a_new_cache_folder_and_file_are_private(tmp_path):
    folder = tmp_path / "new" / "cache"
    load_content(default_layers(), cache_dir=folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (path,) = folder.glob("content-*.msgpack")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(folder.glob("*.tmp"))


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722, 0o702])
def test_a_cache_folder_others_can_write_is_ignored_and_left_alone(planted, mode):
    folder, _path, layers = planted
    folder.chmod(mode)
    assert _is_genuine(load_content(layers, cache_dir=folder))
    assert stat.S_IMODE(folder.stat().st_mode) == mode  # never chmod a folder we did not make


@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602])
def test_a_cache_file_others_can_write_is_ignored(planted, mode):
    folder, path, layers = planted
    path.chmod(mode)
    assert _is_genuine(load_content(layers, cache_dir=folder))


def test_a_cache_file_that_is_a_link_is_not_followed(planted, tmp_path):
    folder, path, layers = planted
    elsewhere = tmp_path / "elsewhere.msgpack"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert _is_genuine(load_content(layers, cache_dir=folder))


def test_a_cache_folder_that_is_a_link_is_not_used(planted, tmp_path):
    folder, _path, layers = planted
    link = tmp_path / "link"
    link.symlink_to(folder)
    assert _is_genuine(load_content(layers, cache_dir=link))


def test_a_fifo_in_place_of_the_cache_file_neither_hangs_nor_is_read(planted):
    folder, path, layers = planted
    path.unlink()
    os.mkfifo(path)
    assert _is_genuine(load_content(layers, cache_dir=folder))
    assert stat.S_ISFIFO(os.lstat(path).st_mode)  # not renamed over


def test_an_oversized_cache_file_is_not_read(planted, monkeypatch):
    folder, path, layers = planted
    monkeypatch.setattr(cache, "MAX_CACHE_BYTES", path.stat().st_size - 1)
    assert _is_genuine(load_content(layers, cache_dir=folder))


@ROOT_ONLY
def test_a_cache_file_owned_by_someone_else_is_ignored(planted):
    folder, path, layers = planted
    os.chown(path, 4242, 4242)
    assert _is_genuine(load_content(layers, cache_dir=folder))


@ROOT_ONLY
def test_a_cache_folder_owned_by_someone_else_is_ignored(planted):
    folder, _path, layers = planted
    os.chown(folder, 4242, 4242)
    assert _is_genuine(load_content(layers, cache_dir=folder))


def test_the_key_is_a_256_bit_hash_that_any_same_size_edit_changes(tmp_path):
    import shutil
    from pathlib import Path

    pack = tmp_path / "pack"
    shutil.copytree(Path(__file__).parent.parent / "examples/clinic-pack", pack)
    layers = default_layers(pack)
    before = cache.fingerprint(layers)
    assert before is not None and len(before) == 64
    text = (pack / "clinic.yaml").read_text()
    assert "555-0100" in text
    (pack / "clinic.yaml").write_text(text.replace("555-0100", "555-0010"))  # same size
    assert cache.fingerprint(layers) != before
    assert load_content(layers, cache_dir=tmp_path / "c").clinic.phone == "555-0010"


def test_a_clinic_folder_whose_name_is_not_utf8_does_not_crash(cli, tmp_path):
    import shutil
    from pathlib import Path

    name = os.fsdecode(b"pack-\xff")
    pack = tmp_path / name
    shutil.copytree(Path(__file__).parent.parent / "examples/clinic-pack", pack)
    assert cache.fingerprint(default_layers(pack)) is not None
    outcome = cli("therapies", "rituximab", "--clinic", str(pack), "--format", "json")
    assert outcome.code == 0, outcome.stderr
    assert outcome.json()["data"]["id"] == "rituximab"
