"""Source readers: every format, and one clear error per bad file or record."""

from __future__ import annotations

import json
from pathlib import Path

from dyads.errors import EmptyDocument, MalformedRecord, NotText, SourceError, UnsupportedFormat
from dyads.records import Document
from dyads.sources import read_paths


def _read(tmp_path: Path, name: str, data: bytes | str) -> list[Document | SourceError]:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return list(read_paths([path]))


def test_txt_document_id_is_a_hash_of_its_text(tmp_path: Path) -> None:
    (doc,) = _read(tmp_path, "a.txt", "Iran arms the Houthis.\n\nThe group fires missiles.")
    assert isinstance(doc, Document)
    assert doc.id == Document.make_id(doc.text)
    assert doc.text.startswith("Iran arms")


def test_jsonl_reads_fields_and_reports_bad_lines_with_their_number(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "Russia backs the junta.",
                "date": "2024-03-01T10:00",
                "source": "Wire",
                "url": "http://x/a1",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Qatar hosts the bureau."}),
    ]
    items = _read(tmp_path, "w.jsonl", "\n".join(lines))
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, SourceError)]
    assert [d.id for d in docs] == ["a1", Document.make_id("Qatar hosts the bureau.")]
    assert (
        docs[0].date == "2024-03-01" and docs[0].outlet == "Wire" and docs[0].url == "http://x/a1"
    )
    assert [(type(e), e.line) for e in errs] == [(MalformedRecord, 2), (MalformedRecord, 3)]
    assert all("w.jsonl" in str(e) for e in errs)


def test_csv_needs_a_text_column(tmp_path: Path) -> None:
    (err,) = _read(tmp_path, "x.csv", "id,title\n1,hello\n")
    assert isinstance(err, MalformedRecord)
    assert "no 'text' column" in str(err) and "x.csv" in str(err)


def test_csv_with_quoted_newlines(tmp_path: Path) -> None:
    items = _read(
        tmp_path, "b.csv", 'id,text,date\nb1,"Line one, with comma.\nLine two.",2023-05-04\n'
    )
    (doc,) = items
    assert isinstance(doc, Document)
    assert doc.text == "Line one, with comma.\nLine two." and doc.date == "2023-05-04"


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Proxy war</title></head><body><nav>Home | World | Share on Facebook</nav>"
        "<article><h1>Proxy war</h1><p>"
        + "Iran has supplied the Houthis with drones and missiles for years. " * 3
        + "</p><p>"
        + "Saudi Arabia has bombed Houthi positions since 2015, officials said. " * 3
        + "</p></article><footer>Copyright 2024. Read more stories.</footer></body></html>"
    )
    (doc,) = _read(tmp_path, "p.html", html)
    assert isinstance(doc, Document)
    assert "supplied the Houthis" in doc.text
    assert "Share on Facebook" not in doc.text and "Copyright" not in doc.text


def test_bad_files_each_get_one_error(tmp_path: Path) -> None:
    assert isinstance(_read(tmp_path, "e.txt", "  \n")[0], EmptyDocument)
    assert isinstance(_read(tmp_path, "b.txt", b"\x00\x01\x02binary\x00" * 50)[0], NotText)
    assert isinstance(_read(tmp_path, "x.pdf", b"%PDF-1.4")[0], UnsupportedFormat)


def test_invalid_utf8_is_decoded_not_rejected(tmp_path: Path) -> None:
    (doc,) = _read(tmp_path, "c.txt", "Kigali\u2019s army".encode("cp1252"))
    assert isinstance(doc, Document)
    assert doc.text == "Kigali\u2019s army"


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second article text.")
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / "notes.bin").write_bytes(b"ignored")
    docs = list(read_paths([tmp_path]))
    assert [Path(d.path).name for d in docs if isinstance(d, Document)] == ["a.txt", "b.txt"]


def test_jsonl_line_separator_inside_a_string_does_not_split_the_record(tmp_path: Path) -> None:
    # regression: splitlines() broke records at U+2028 inside JSON strings
    rec = {"id": "u1", "text": "Iran arms the Houthis.\u2028The group fires missiles."}
    (doc,) = _read(tmp_path, "sep.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    assert isinstance(doc, Document) and doc.id == "u1" and "\u2028" in doc.text


def test_html_page_with_only_navigation_is_not_an_article(tmp_path: Path) -> None:
    (err,) = _read(tmp_path, "nav.html", "<html><body><nav>Home</nav>")
    assert isinstance(err, EmptyDocument) and "nav.html" in str(err)


def test_non_english_text_gets_its_own_code(tmp_path: Path) -> None:
    text = "Le gouvernement a annoncé que les rebelles avaient attaqué la ville et que " * 5
    (err,) = _read(tmp_path, "fr.txt", text)
    assert str(err).startswith("[E106]") and "English" in str(err)


def test_an_error_about_a_value_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    # a quoted CSV header with a line break in it: the message quotes the columns
    (tmp_path / "a.csv").write_text('"ti\ntle",summary\nx,y\n', encoding="utf-8")
    (err,) = list(read_paths([tmp_path]))
    assert isinstance(err, MalformedRecord)
    assert "\n" not in str(err) and "ti\\ntle" in str(err) and "a.csv:1" in str(err)
