"""The documents page: listing, upload by drop with the key, delete, duplicates.

These tests change the graph, so they get a server of their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.conftest import LiveServer
from tests.web.conftest import live_explorer
from tests.web.session import (
    API_KEY,
    Session,
)

if TYPE_CHECKING:
    pass


@pytest.fixture(scope="module")
def server(web_data_dir: Path) -> Iterator[LiveServer]:
    with live_explorer(web_data_dir, "web_documents") as live:
        yield live


# ---- documents page ----------------------------------------------------------------------------
REPORT = (
    "{county}2024年卫生健康工作要点\n\n2024年，{county}卫生健康委员会推进紧密型县域医共体建设，"
    "全县家庭医生签约服务覆盖率达到{value}%。\n"
)


def test_documents_page_lists_titles_dates_sizes_and_fact_counts(session: Session) -> None:
    page = session.open("#/documents")
    table = page.locator("table[data-name='文件']")
    table.wait_for()
    row = table.locator("tbody tr").filter(has_text="奋楫争先 勇毅前行")
    assert row.locator("td[data-label='日期']").inner_text() == "2023-04-17"
    assert int(row.locator("td[data-label='字数']").inner_text()) > 1000
    stats = httpx.get(f"{session.server.url}/api/document-stats", timeout=30).json()["data"]
    facts = next(s["facts"] for s in stats if s["file"].startswith("000_"))
    assert int(row.locator("td[data-label='事实']").inner_text()) == facts > 0
    session.screenshot("documents")


def test_upload_by_drop_asks_for_the_api_key_and_lists_the_files(session: Session, tmp_path: Path) -> None:
    page = session.open("#/documents")
    page.locator("table[data-name='文件']").wait_for()
    files = [
        ["web_upload_婺源.txt", REPORT.format(county="婺源县", value=65)],
        ["web_upload_乐平.txt", REPORT.format(county="乐平市", value=70)],
    ]
    page.evaluate(
        """(files) => { const data = new DataTransfer();
        for (const [name, text] of files) data.items.add(new File([text], name, { type: 'text/plain' }));
        const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
        document.querySelector('#dropzone').dispatchEvent(drop); }""",
        files,
    )
    key_form = page.locator("#api-key-form")
    key_form.wait_for()
    page.fill("#api-key", API_KEY)
    page.press("#api-key", "Enter")
    for name, _ in files:
        page.locator(f"#upload-list li[data-name='{name}'] .outcome", has_text="已载入").wait_for()
        assert page.eval_on_selector(f"#upload-list li[data-name='{name}'] progress", "p => p.value") == 1
    table = page.locator("table[data-name='文件']")
    table.locator("td", has_text="婺源县2024年卫生健康工作要点").wait_for()
    assert table.locator("td", has_text="乐平市2024年卫生健康工作要点").count() == 1

    # The file picker takes several files too; a bad one reports its own failure.
    bad = tmp_path / "web_upload_empty.txt"
    bad.write_bytes(b"")
    page.set_input_files("#upload-input", [str(bad)])
    outcome = page.locator("#upload-list li[data-name='web_upload_empty.txt'] .outcome")
    outcome.filter(has_text="失败").wait_for()
    session.screenshot("documents-after-upload", full_page=True)


def test_delete_asks_for_confirmation_then_removes_the_document(session: Session) -> None:
    name = "web_delete_鄱阳.txt"
    response = httpx.post(
        f"{session.server.url}/api/documents",
        files={"file": (name, REPORT.format(county="鄱阳县", value=66).encode())},
        headers={"X-API-Key": API_KEY},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    page = session.open("#/documents")
    page.evaluate(f"sessionStorage.setItem('healthkg-api-key', {API_KEY!r})")
    row = page.locator("table[data-name='文件'] tbody tr").filter(has_text=name)
    row.locator("button", has_text="删除").click()
    assert "删除此文件" in row.inner_text()
    row.locator("button", has_text="取消").click()
    assert row.count() == 1
    row.locator("button", has_text="删除").click()
    row.locator("button.confirm-delete").click()
    page.locator("#documents-notice", has_text="已删除").wait_for()
    page.locator("table[data-name='文件'] tbody tr").filter(has_text=name).wait_for(state="detached")
    listed = httpx.get(f"{session.server.url}/api/documents?limit=500", timeout=30).json()["data"]
    assert name not in {d["file"] for d in listed}


def test_the_same_text_under_two_names_is_one_row_naming_both(session: Session) -> None:
    text = REPORT.format(county="万年县", value=67).encode()
    statuses = []
    for name in ("web_twin_万年.txt", "web_twin_copy.txt"):
        response = httpx.post(
            f"{session.server.url}/api/documents",
            files={"file": (name, text)},
            headers={"X-API-Key": API_KEY},
            timeout=60,
        )
        assert response.status_code == 201, response.text
        statuses.append(response.json()["status"])
    assert statuses == ["loaded", "duplicate"]
    page = session.open("#/documents")
    rows = page.locator("table[data-name='文件'] tbody tr").filter(has_text="web_twin_")
    rows.first.wait_for()
    assert rows.count() == 1
    assert rows.locator(".aliases code").all_inner_texts() == ["web_twin_copy.txt"]
    assert rows.locator(".file-names > code").inner_text() == "web_twin_万年.txt"
