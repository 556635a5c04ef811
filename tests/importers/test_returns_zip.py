"""A round sent back as one .zip (issue 17): checked like any untrusted archive -- member
count, sizes, compression ratio -- and no member's own path is ever written anywhere."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest

from desktop_app.importers.returns import apply_round, preview_round
from desktop_app.importers.safety import Limits
from desktop_app.store import Store
from tests.returns_round import GONGXIN, MR, ON_TIME, PERIOD, ZHUJIAN


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> dict[str, bytes]:
    """Two filled templates, as bytes to put into archives."""
    MR.assign_units(store)
    sent = MR.templates(store, tmp_path / "发出", PERIOD)
    MR.fill(sent[GONGXIN], {"LY2022-001": {"本月完成投资": 10}})
    MR.fill(sent[ZHUJIAN], {"LY2022-011": {"本月完成投资": 20}})
    return {"工信局.xlsx": sent[GONGXIN].read_bytes(), "住建局.xlsx": sent[ZHUJIAN].read_bytes()}


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the round copies members into, watched."""
    folder = tmp_path / "系统临时"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _zip(path: Path, members: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_a_zip_of_returns_previews_like_a_folder(store, filled, tmp_path, private_tmp):
    archive = _zip(tmp_path / "七月.zip", {"七月/" + k: v for k, v in filled.items()})
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME)
    assert [f.name for f in preview.files] == [
        "七月.zip／七月/工信局.xlsx",
        "七月.zip／七月/住建局.xlsx",
    ]
    assert [f.refused for f in preview.files] == [None, None]
    assert {f.unit for f in preview.files} == {GONGXIN, ZHUJIAN}
    assert _everything(private_tmp) == set()  # the private copies are gone
    result = apply_round(store, preview, backup=False)
    assert result.reports == 2
    assert [r.file_name for r in store.received_returns(PERIOD)] == [
        "七月.zip／七月/工信局.xlsx",
        "七月.zip／七月/住建局.xlsx",
    ]


def test_members_with_unsafe_paths_are_refused_and_never_written(
    store, filled, tmp_path, private_tmp
):
    inside = tmp_path / "收回"
    inside.mkdir()
    archive = _zip(
        inside / "七月.zip",
        {
            "../evil.xlsx": filled["工信局.xlsx"],
            "../../evil2.xlsx": filled["工信局.xlsx"],
            "/tmp/abs_evil.xlsx": filled["工信局.xlsx"],
            "C:\\Windows\\evil3.xlsx": filled["工信局.xlsx"],
            "ok/../../evil4.xlsx": filled["工信局.xlsx"],
            "住建局.xlsx": filled["住建局.xlsx"],
        },
    )
    before = _everything(tmp_path)
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME)
    refused = [f for f in preview.files if f.refused]
    assert [f.name.split("／", 1)[1] for f in refused] == [
        "../evil.xlsx",
        "../../evil2.xlsx",
        "/tmp/abs_evil.xlsx",
        "C:\\Windows\\evil3.xlsx",
        "ok/../../evil4.xlsx",
    ]
    assert all("路径不安全" in f.refused for f in refused)
    assert [f.unit for f in preview.files if not f.refused] == [ZHUJIAN]  # the rest previews
    assert _everything(tmp_path) == before  # nothing written anywhere under tmp
    assert not Path("/tmp/abs_evil.xlsx").exists()
    for name in ("evil.xlsx", "evil2.xlsx", "evil4.xlsx"):
        assert not (tmp_path.parent / name).exists()
        assert not (tmp_path.parent.parent / name).exists()


def test_a_bomb_member_is_refused_the_others_preview(store, filled, tmp_path, private_tmp):
    archive = _zip(
        tmp_path / "七月.zip",
        {"bomb.xlsx": b"\0" * (20 * 1024 * 1024), "住建局.xlsx": filled["住建局.xlsx"]},
    )
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME)
    bomb, good = preview.files
    assert bomb.refused == "“七月.zip／bomb.xlsx”的压缩比异常（可能是“压缩炸弹”），拒绝导入"
    assert good.refused is None and good.unit == ZHUJIAN
    assert _everything(private_tmp) == set()


def test_a_member_declared_too_big_is_not_read(store, filled, tmp_path, private_tmp):
    archive = _zip(
        tmp_path / "七月.zip", {"big.xlsx": b"x" * 5000, "住建局.xlsx": filled["住建局.xlsx"]}
    )
    limits = Limits(file_bytes=4000)
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME, limits=limits)
    assert "超过工作簿的上限" in preview.files[0].refused
    assert preview.files[1].refused is not None  # 住建局.xlsx is bigger than 4000 bytes too


def test_too_many_members_refuse_the_archive_not_the_round(store, filled, tmp_path, private_tmp):
    archive = _zip(tmp_path / "七月.zip", {f"{n}.xlsx": filled["工信局.xlsx"] for n in range(13)})
    loose = tmp_path / "住建局.xlsx"
    loose.write_bytes(filled["住建局.xlsx"])  # 10 parts inside: within the limit
    limits = Limits(members=12)
    preview = preview_round(store, [archive, loose], PERIOD, received=ON_TIME, limits=limits)
    whole, other = preview.files
    assert whole.name == "七月.zip"
    assert whole.refused == "“七月.zip”内含 13 个部件，超过上限 12，拒绝导入"
    assert other.refused is None and other.unit == ZHUJIAN


def test_an_archive_that_unpacks_to_too_much_is_refused_whole(store, filled, tmp_path, private_tmp):
    members = {f"{n}.xlsx": filled["工信局.xlsx"] for n in range(3)}
    archive = _zip(tmp_path / "七月.zip", members, compress=zipfile.ZIP_STORED)
    size = len(filled["工信局.xlsx"])
    limits = Limits(uncompressed_bytes=size * 3 - 10, ratio_floor=size * 10)
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME, limits=limits)
    (whole,) = preview.files
    assert whole.name == "七月.zip" and "解压后超过" in whole.refused


def test_a_damaged_zip_is_named(store, filled, tmp_path, private_tmp):
    broken = tmp_path / "七月.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    preview = preview_round(store, [broken], PERIOD, received=ON_TIME)
    assert preview.files[0].refused.startswith("“七月.zip”")


def test_gbk_member_names_are_shown_as_written(store, filled, tmp_path, private_tmp):
    class GbkName(zipfile.ZipInfo):  # what Windows' own zip tool writes: GBK, no UTF-8 flag
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), self.flag_bits

    archive = tmp_path / "七月.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(GbkName("工信局.xlsx"), filled["工信局.xlsx"])
    with zipfile.ZipFile(archive) as check:
        assert check.namelist() != ["工信局.xlsx"]  # zipfile alone reads it as cp437
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME)
    assert preview.files[0].name == "七月.zip／工信局.xlsx"
    assert preview.files[0].refused is None


def test_a_refused_members_message_names_the_member_not_the_copy(store, tmp_path, private_tmp):
    archive = _zip(tmp_path / "七月.zip", {"坏的.xlsx": b"PK\x03\x04" + b"\0" * 100})
    preview = preview_round(store, [archive], PERIOD, received=ON_TIME)
    assert "七月.zip／坏的.xlsx" in preview.files[0].refused
    assert "成员-" not in preview.files[0].refused
