"""The hostile corpus: one builder per case of issue 15, written by us (large inputs generated at
test time). Each builder writes its files into a folder and says what an ingest of the folder
must do: the exit code, the one line naming the file (an error or a warning), and how many
documents of the folder are stored."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = "Iran has supplied the Houthis with drones and missiles, officials said in Sanaa."
OTHER = "Russia sent Wagner fighters to support the junta in Mali, the ministry said."
PARAGRAPH = "Saudi Arabia bombed Houthi positions near Sanaa on Monday, officials said."


@dataclass(frozen=True)
class Case:
    exit_code: int
    line: str | None  # a substring of the one error or warning line; None: no such line
    stored: int  # documents of the folder stored, good.txt included
    code: str | None = None  # the error code of the line ("E105"), None for a warning
    text: str | None = None  # found in a stored document's text, or path when it starts with "/"


Builder = Callable[[Path], Case]


def lone_surrogate_in_text(folder: Path) -> Case:
    (folder / "w.jsonl").write_text(
        '{"id": "a", "text": "Iran armed the Houthis \\ud83d in Yemen, officials said."}\n'
        '{"id": "b", "text": "Qatar hosts the political bureau of Hamas in Doha."}\n',
        encoding="utf-8",
    )
    return Case(0, "w.jsonl:1: invalid characters", 3, text="Houthis \ufffd in Yemen")


def lone_surrogate_in_id(folder: Path) -> Case:
    (folder / "w.jsonl").write_text(
        '{"id": "a\\ud83d", "title": "\\udc00", "text": "Iran armed the Houthis, officials said."}\n'
        '{"id": "b", "text": "Qatar hosts the political bureau of Hamas in Doha."}\n',
        encoding="utf-8",
    )
    return Case(0, "w.jsonl:1: invalid characters", 3)


def byte_ff_in_file_name(folder: Path) -> Case:
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "wb") as f:
        f.write(OTHER.encode())
    return Case(0, None, 2, text="/bad\\xffname.txt")


def csv_cell_over_131072_characters(folder: Path) -> Case:
    big = "Turkey attacked YPG positions in northern Syria. " * 3000  # 150,000 characters
    (folder / "big.csv").write_text(f'id,text\nc1,"{big}"\nc2,"{OTHER}"\n', encoding="utf-8")
    return Case(0, None, 3, text="Turkey attacked YPG positions in northern Syria. " * 2999)


def utf16_with_bom(folder: Path) -> Case:
    (folder / "le.txt").write_bytes(OTHER.encode("utf-16"))  # BOM, native order
    (folder / "be.txt").write_bytes(b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"))
    rec = json.dumps({"id": "u", "text": "Qatar hosts the political bureau of Hamas in Doha."})
    (folder / "w.jsonl").write_bytes((rec + "\n").encode("utf-16"))
    (folder / "c.csv").write_bytes(f'id,text\nc1,"{PARAGRAPH} Again."\n'.encode("utf-16"))
    return Case(0, None, 5, text="political bureau of Hamas in Doha")


def nul_bytes_after_64_kb(folder: Path) -> Case:
    pad = (PARAGRAPH + " ") * 1000  # ~75 kB of text before the NUL bytes
    (folder / "tail.txt").write_bytes(pad.encode() + b"\x00\x00\x00 binary tail")
    return Case(
        1, "tail.txt: looks like a binary file, not text (NUL byte at offset 75,", 1, "E105"
    )


def nul_byte_in_a_jsonl_line_after_64_kb(folder: Path) -> Case:
    pad = json.dumps({"id": "p", "text": (PARAGRAPH + " ") * 1000})
    (folder / "w.jsonl").write_bytes(pad.encode() + b'\n{"id": "n", "text": "x\x00y"}\n')
    return Case(1, "w.jsonl:2: line holds NUL bytes", 2, "E104")


def fifo_in_a_folder(folder: Path) -> Case:
    os.mkfifo(folder / "pipe.txt")
    return Case(1, "pipe.txt: not a regular file", 1, "E102")


def symlink_to_a_file_outside(folder: Path) -> Case:
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    return Case(0, "link.txt: skipped: a symbolic link to", 1)


def symlink_to_a_folder_outside(folder: Path) -> Case:
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    (folder / "linked").symlink_to(outside)
    return Case(0, "linked: skipped: a symbolic link to", 1)


def symlink_inside_the_folder(folder: Path) -> Case:
    (folder / "sub").mkdir()
    (folder / "sub" / "real.txt").write_text(OTHER, encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "sub" / "real.txt")
    return Case(0, None, 2)  # the same text twice: one document, two sources


def _deep_html(depth: int) -> str:
    paras = "".join(
        f"<p>Paragraph {i}: {PARAGRAPH} The strikes hit depot number {i}.</p>" for i in range(30)
    )
    return (
        "<html><head><title>Deep</title></head><body><article>"
        + "<div>" * depth
        + paras
        + "</div>" * depth
        + "</article></body></html>"
    )


def html_nested_300_levels(folder: Path) -> Case:
    (folder / "deep.html").write_text(_deep_html(300), encoding="utf-8")
    return Case(0, None, 2, text="depot number 29.")


def html_nested_5000_levels(folder: Path) -> Case:
    (folder / "deeper.html").write_text(_deep_html(5000), encoding="utf-8")
    return Case(0, None, 2, text="depot number 29.")


def a_record_id_repeated_in_its_file(folder: Path) -> Case:
    (folder / "w.jsonl").write_text(
        json.dumps({"id": "1", "text": OTHER})
        + "\n"
        + json.dumps({"id": "1", "text": "Qatar hosts the political bureau of Hamas in Doha."})
        + "\n",
        encoding="utf-8",
    )
    return Case(1, "w.jsonl:2: record id '1' is repeated (first on line 1)", 2, "E104")


CASES: dict[str, Builder] = {
    f.__name__: f
    for f in (
        lone_surrogate_in_text,
        lone_surrogate_in_id,
        byte_ff_in_file_name,
        csv_cell_over_131072_characters,
        utf16_with_bom,
        nul_bytes_after_64_kb,
        nul_byte_in_a_jsonl_line_after_64_kb,
        fifo_in_a_folder,
        symlink_to_a_file_outside,
        symlink_to_a_folder_outside,
        symlink_inside_the_folder,
        html_nested_300_levels,
        html_nested_5000_levels,
        a_record_id_repeated_in_its_file,
    )
}
