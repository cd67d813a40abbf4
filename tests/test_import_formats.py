"""Importing protocols as they come: Word, PDF, web pages, old code pages, NFD.

The Word document and the web page are written here, with python-docx and
by hand; the PDF of the seed protocol is kept in tests/data/formats (writing
it needs a font with å, ä and ö, which a fresh machine lacks;
make_pdf.py there makes it anew), and small PDFs in the PDF core fonts are
written here with fpdf2. Each holds the seed protocol of Sjuhärad's
medlemsråd, and must import to the same meeting as its text file does.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from fpdf import FPDF

from protokoll.store import Store, StoreError
from protokoll.store.importer import import_protocol, read_protocol
from protokoll.store.importer.formats.pdf import pdf_text
from protokoll.store.importer.report import Report
from protokoll.store.importer.source import decode
from protokoll.store.intake import read_source

DATA = Path(__file__).parent / "data" / "formats"
SEED = DATA / "sjuharad-medlemsrad-2020-03-27.txt"
NAME = "sjuharad-medlemsrad-2020-03-27"
_FIELD = re.compile(r"^(\w+) \*\*(.*)\*\*$")
_ROW = re.compile(r"^(\d+)\t(.*)$")
_HEADINGS = {"Beslutande", "Övriga styrelserepresentanter", "Övriga", "Omfattning"}


def summary(meeting) -> dict:
    """What an import must get right: date, organ, §s, decisions, people, roles."""
    return {
        "date": meeting.date,
        "kind": meeting.kind,
        "organ": (meeting.organ, meeting.organisation),
        "paragraphs": [
            (p.number, p.title, [d.text for d in p.decisions]) for p in meeting.paragraphs
        ],
        "texts": [" ".join(p.text.split()) for p in meeting.paragraphs],
        "people": [(a.name, a.category, a.present) for a in meeting.attendees],
    }


def from_text() -> dict:
    meeting, _ = read_protocol(SEED.read_bytes(), SEED)
    return summary(meeting)


def _paragraphs(cell: str) -> list[str]:
    return re.findall(r"<p>(.*?)</p>", cell) or [cell]


def seed_docx(path: Path) -> Path:
    """The seed protocol as a secretary keeps it in Word: its §s in a table."""
    d = docx.Document()
    table = None
    for line in SEED.read_text("utf-8").split("\n"):
        field, row = _FIELD.match(line), _ROW.match(line)
        if not line.strip():
            continue
        if line.strip() == "§§ Ärenden":
            table = d.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = "§§", "Ärenden"
        elif row:
            cells = table.add_row().cells
            cells[0].text = row[1]
            first, *rest = _paragraphs(row[2])
            cells[1].text = first
            for p in rest:
                cells[1].add_paragraph(p)
        elif field:
            p = d.add_paragraph(field[1] + " ")
            p.add_run(field[2]).bold = True
        elif line.strip() in _HEADINGS:
            d.add_paragraph().add_run(line.strip()).bold = True
        else:
            d.add_paragraph(line)
    out = path / f"{NAME}.docx"
    d.save(out)
    return out


def seed_html(path: Path) -> Path:
    """The seed protocol as a web page: fields and names as lines, §s in a table."""
    parts = [
        "<!DOCTYPE html><html><head><title>Protokoll</title>",
        "<style>td { padding: 0 }</style><script>var x = '§ 99 Inte här';</script>",
        "</head><body>",
    ]
    names: list[str] = []
    rows: list[str] = []

    def names_done() -> None:
        if names:
            parts.append("<p>" + "<br>\n".join(names) + "</p>")
            names.clear()

    for line in SEED.read_text("utf-8").split("\n"):
        field, row = _FIELD.match(line), _ROW.match(line)
        if not line.strip():
            names_done()
        elif row:
            cells = "".join(f"<p>{html.escape(p)}</p>\n" for p in _paragraphs(row[2]))
            rows.append(f"<tr><td>{row[1]}</td><td>{cells}</td></tr>")
        elif line.strip() == "§§ Ärenden":
            rows.append("<tr><th>§§</th><th>Ärenden</th></tr>")
        elif field:
            parts.append(f"<div>{field[1]} <b>{html.escape(field[2])}</b></div>")
        elif line.strip() in _HEADINGS:
            parts.append(f"<p><strong>{line.strip()}</strong></p>")
        else:
            names.append(html.escape(line))
    names_done()
    parts.append("<table>" + "\n".join(rows) + "</table></body></html>")
    out = path / f"{NAME}.html"
    out.write_text("\n".join(parts), encoding="utf-8")
    return out


def imported(path: Path) -> tuple[dict, Report]:
    meeting, report = read_protocol(read_source(path), path)
    return summary(meeting), report


# --- the same protocol in every kind of file --------------------------------


def test_a_word_document_imports_to_the_same_meeting_as_its_text(tmp_path):
    got, report = imported(seed_docx(tmp_path))
    assert got == from_text()
    assert got["paragraphs"][1] == (
        2,
        "Val av justerare",
        ["Tomas Johansson utses att justera samrådets protokoll."],
    )
    # The line numbers are those of the converted text, and the report says so.
    assert "docx_lines" in [n.key for n in report.notices]
    assert "lines of that text" in " ".join(report.lines("x", "en"))


def test_a_pdf_imports_to_the_same_meeting_as_its_text():
    got, report = imported(SEED.with_suffix(".pdf"))
    assert got == from_text()
    said = {n.key: n.params for n in report.notices}
    assert said["pdf_lines"]["pages"] == 3
    starts = [int(s) for s in said["pdf_pages"]["starts"].split(", ")]
    data = SEED.with_suffix(".pdf").read_bytes()
    text = decode(data, SEED, Report()).split("\n")
    # Each page begins at the line named: the line there is the first the page prints.
    pages = pdf_text(data, SEED, Report()).split("\x0c")
    assert len(starts) == 2
    for start, page in zip(starts, pages[1:], strict=True):
        assert text[start - 1] == page.split("\n")[0] != ""


def test_a_web_page_imports_to_the_same_meeting_as_its_text(tmp_path):
    got, _ = imported(seed_html(tmp_path))
    assert got == from_text()


def test_a_web_page_keeps_its_blocks_and_drops_scripts():
    page = (
        "<html><head><title>Styrelsemöte</title><style>p{}</style></head><body>"
        "<h1>Protokoll</h1><h3>Närvarande</h3><ul><li>Åsa &Ouml;berg</li><li>Bo Ek</li></ul>"
        "<p>Rad ett<br>rad två</p><ol start='3'><li>Tre</li><li>Fyra</li></ol>"
        "<table><tr><th>Namn</th><th>§ 1</th></tr><tr><td>Åsa</td><td>X</td></tr></table>"
        "<script>document.write('hemlig')</script><p>Slut &amp; klart.</p></body></html>"
    )
    text = decode(page.encode(), Path("m.html"), Report())
    assert text.split("\n") == [
        "Styrelsemöte",
        "",
        "# Protokoll",
        "",
        "### Närvarande",
        "",
        "- Åsa Öberg",
        "- Bo Ek",
        "",
        "Rad ett",
        "rad två",
        "3. Tre",
        "4. Fyra",
        "",
        "| Namn | § 1 |",
        "| Åsa | X |",
        "",
        "Slut & klart.",
    ]


# --- Word ------------------------------------------------------------------


def _styled(d: docx.Document, text: str, style: str):
    return d.add_paragraph(text, style=style)


def test_word_headings_lists_tables_and_headers_are_kept(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Föreningen Åbo Ängar – Protokoll"
    d.sections[0].footer.paragraphs[0].text = "Box 12, 123 45 Örby"
    d.add_heading("Styrelsemöte 2024-03-14", 1)
    d.add_paragraph("Datum\t2024-03-14")
    d.add_heading("Dagordning", 2)
    for item in ("Mötets öppnande", "Val av justerare", "Avslutning"):
        _styled(d, item, "List Number")
    _styled(d, "Kaffe", "List Bullet")
    table = d.add_table(rows=3, cols=3)
    for r, values in enumerate(
        [("Namn", "§ 1", "§ 2"), ("Åsa Öberg", "X", "X"), ("Bo Ek", "X", "")]
    ):
        for c, value in enumerate(values):
            table.rows[r].cells[c].text = value
    d.add_paragraph("Ordföranden förklarade mötet öppnat.")
    path = tmp_path / "styrelse.docx"
    d.save(path)
    report = Report()
    lines = decode(path.read_bytes(), path, report).split("\n")
    assert lines[0] == "Föreningen Åbo Ängar – Protokoll"  # the header first: it names the organ
    assert "# Styrelsemöte 2024-03-14" in lines and "## Dagordning" in lines
    assert "Datum\t2024-03-14" in lines
    at = lines.index("1. Mötets öppnande")
    assert lines[at : at + 4] == [
        "1. Mötets öppnande",
        "2. Val av justerare",
        "3. Avslutning",
        "- Kaffe",
    ]
    assert ["| Namn | § 1 | § 2 |", "| Åsa Öberg | X | X |", "| Bo Ek | X |  |"] == [
        line for line in lines if line.startswith("|")
    ]
    # The footer is the page's: left out of the text, quoted in the report (put
    # last, a footer's "Justerandes sign: ____" had become a signature: trial 10).
    assert "Box 12, 123 45 Örby" not in lines
    keys = {n.key: n for n in report.notices}
    assert "Box 12, 123 45 Örby" in keys["docx_footer"].text("sv")
    assert keys["docx_numbering"].params["count"] == 3
    assert keys["docx_numbering"].line == at + 1  # the line of the first computed number
    assert {"docx_header", "docx_footer", "docx_lines"} <= set(keys)


def test_a_word_attendance_table_keeps_every_cell(tmp_path):
    d = docx.Document()
    d.add_paragraph("Protokoll fört vid styrelsemöte 2024-03-14")
    table = d.add_table(rows=3, cols=4)
    rows = [
        ("Ledamot", "Närv.", "Frånv.", "Anm."),
        ("Åsa Öberg", "X", "", "ordf."),
        ("Björn Ängström", "", "X", ""),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.rows[r].cells[c].text = value
    table.rows[1].cells[3].add_paragraph("tom § 3")  # two paragraphs in one cell
    d.add_paragraph("§ 1 Mötets öppnande")
    path = tmp_path / "narvaro.docx"
    d.save(path)
    text = decode(path.read_bytes(), path, Report())
    assert "| Ledamot | Närv. | Frånv. | Anm. |" in text
    assert "| Åsa Öberg | X |  | ordf. <br> tom § 3 |" in text
    assert "| Björn Ängström |  | X |  |" in text


def test_a_word_list_style_without_a_list_is_plain_text(tmp_path):
    d = docx.Document()
    d.styles.add_style("Namnlista", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("Åsa Öberg", style="Namnlista")
    path = tmp_path / "a.docx"
    d.save(path)
    report = Report()
    assert decode(path.read_bytes(), path, report) == "Åsa Öberg"
    assert "docx_numbering" not in [n.key for n in report.notices]


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_named_docx_is_refused_before_it_is_unpacked(tmp_path):
    bomb = _zip({"word/document.xml": b"<w:document/>", "word/media/x.bin": b"\0" * 30_000_000})
    assert len(bomb) < 100_000  # thirty megabytes of zeros pack into a few kilobytes
    path = tmp_path / "protokoll.docx"
    path.write_bytes(bomb)
    store = Store(tmp_path / "store")
    with pytest.raises(StoreError) as caught:
        import_protocol(store, path, read_source(path))
    assert caught.value.key == "docx_too_large"
    assert "28.6 MB" in caught.value.text("en") and "zip bomb" in caught.value.text("en")
    assert store.summaries() == []


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_damaged_word_document_gives_one_line(tmp_path, cut):
    whole = seed_docx(tmp_path).read_bytes()
    data = whole[: int(len(whole) * cut)]
    with pytest.raises(StoreError) as caught:
        decode(data, tmp_path / "trasig.docx", Report())
    assert caught.value.key == "docx_damaged"
    said = caught.value.text("sv")
    assert "\n" not in said and "Word-filen är skadad" in said
    # In the interface's words only: "(File is not a zip file)" had stood in it.
    assert "zip file" not in said and "File" not in said


def test_a_word_package_without_its_document_is_damaged(tmp_path):
    data = _zip({"[Content_Types].xml": b"<Types/>", "customXml/item1.xml": b"<x/>"})
    with pytest.raises(StoreError) as caught:
        decode(data, tmp_path / "tom.docx", Report())
    assert caught.value.key == "docx_damaged"
    # The same archive under another name is just an archive.
    with pytest.raises(StoreError) as caught:
        decode(data, tmp_path / "arkiv.zip", Report())
    assert caught.value.key == "import_other_package" and "zip" in caught.value.text("en")


def test_a_cut_off_zip_that_is_no_word_file_is_an_archive(tmp_path):
    store = Store(tmp_path / "store")
    data = b"PK\x03\x04\x14\x00\x06\x00"
    with pytest.raises(StoreError) as caught:
        import_protocol(store, tmp_path / "bild.txt", data)
    assert caught.value.key == "import_other_package"
    assert store.summaries() == [] and store.organs() == []


def test_an_odt_is_named_and_refused_with_advice(tmp_path):
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}, zipfile.ZIP_STORED)
    with pytest.raises(StoreError) as caught:
        decode(data, tmp_path / "p.odt", Report())
    assert caught.value.key == "import_other_package"
    assert "OpenDocument (.odt)" in caught.value.text("en") and ".docx" in caught.value.text("en")


@pytest.mark.parametrize(
    "data, key, advice",
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
            "import_old_word",
            "spara det som .docx",
        ),
        (
            rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Protokoll \par}",
            "import_rtf",
            "spara det som .docx",
        ),
    ],
)
def test_old_word_and_rtf_are_refused_with_what_to_do(tmp_path, data, key, advice):
    path = tmp_path / "gammalt.doc"
    path.write_bytes(data)
    with pytest.raises(StoreError) as caught:
        import_protocol(Store(tmp_path / "store"), path, read_source(path))
    assert caught.value.key == key
    assert advice in caught.value.text("sv") and "PDF" in caught.value.text("sv")
    assert "save it as .docx or PDF" in caught.value.text("en")


# --- PDF -------------------------------------------------------------------


def _core_pdf(rows: list[tuple[str, str]]) -> bytes:
    """A PDF in a core font (Latin-1: å, ä and ö, no font file needed), two columns a row."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for left, right in rows:
        pdf.cell(60, 7, left)
        pdf.cell(0, 7, right, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_columns_stay_on_their_line_and_apart():
    data = _core_pdf(
        [
            ("Datum", "Torsdag 14 mars 2024"),
            ("Plats", "Föreningslokalen, Örby"),
            ("", ""),
            ("Åsa Öberg", "Björn Ängström"),
            ("Ordförande", "Justerare"),
        ]
    )
    report = Report()
    lines = decode(data, Path("p.pdf"), report).split("\n")
    assert [n.key for n in report.notices] == ["pdf_lines"]  # one page: no page starts
    assert lines[:2] == ["Datum\tTorsdag 14 mars 2024", "Plats\tFöreningslokalen, Örby"]
    # Two names signed side by side are two names, not one.
    assert "Åsa Öberg\tBjörn Ängström" in lines and "Ordförande\tJusterare" in lines


def test_a_pdf_without_text_is_taken_for_a_scan(tmp_path):
    path = DATA / "skannad.pdf"
    with pytest.raises(StoreError) as caught:
        import_protocol(Store(tmp_path / "store"), path, read_source(path))
    assert caught.value.key == "pdf_no_text"
    assert caught.value.text("sv") == (
        f"{path}: PDF-filen har ingen text; den är troligen skannad — kör den genom OCR först; "
        "inget importerades"
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 3],
        lambda d: d[:2000] + bytes(range(256)) * 20,
        lambda d: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    ],
)
def test_a_damaged_pdf_gives_one_line_and_nothing_on_the_terminal(tmp_path, capfd, damage):
    data = damage(SEED.with_suffix(".pdf").read_bytes())
    with pytest.raises(StoreError) as caught:
        decode(data, tmp_path / "trasig.pdf", Report())
    assert caught.value.key in ("pdf_damaged", "pdf_no_text")
    assert "\n" not in caught.value.text("sv")
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # pypdf's own warnings do not reach the terminal


# --- encodings and Unicode forms ------------------------------------------------


@pytest.mark.parametrize("encoding, named", [("cp850", "DOS (cp850)"), ("mac_roman", "MacRoman")])
def test_dos_and_old_mac_files_import_with_their_letters(tmp_path, encoding, named):
    text = SEED.read_text("utf-8").replace("”", '"').replace("–", "-")
    path = tmp_path / f"{NAME}.txt"
    path.write_bytes(text.encode(encoding))
    meeting, report = read_protocol(path.read_bytes(), path)
    got = summary(meeting)
    plain, _ = read_protocol(text.encode("utf-8"), path)
    assert got == summary(plain)
    assert ("Håkan Linnarsson", "beslutande", True) in got["people"]
    said = [n for n in report.notices if n.key == "encoding"]
    assert [n.params["encoding"] for n in said] == [named]
    assert named in report.lines(path.name, "en")[0] and "å, ä and ö" in report.lines("f", "en")[0]


def test_windows_1252_is_still_read_as_before(tmp_path):
    data = "Närvarande: Åsa Öberg – ordförande”".encode("cp1252")
    report = Report()
    assert decode(data, Path("a.txt"), report) == "Närvarande: Åsa Öberg – ordförande”"
    assert [n.params["encoding"] for n in report.notices] == ["Windows-1252"]


def test_decomposed_text_is_read_as_composed(tmp_path):
    text = SEED.read_text("utf-8")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    got = decode(nfd.encode("utf-8"), SEED, Report())
    assert "Västra Götalandsregionen" in got and unicodedata.is_normalized("NFC", got)
    meeting, _ = read_protocol(nfd.encode("utf-8"), SEED)
    assert summary(meeting) == from_text()


def test_a_decomposed_word_document_is_composed_too(tmp_path):
    d = docx.Document()
    d.add_paragraph(unicodedata.normalize("NFD", "Närvarande: Åsa Öberg"))
    path = tmp_path / "nfd.docx"
    d.save(path)
    assert decode(path.read_bytes(), path, Report()) == "Närvarande: Åsa Öberg"


def test_a_text_file_with_html_paragraphs_is_still_text():
    # The seed has <p> inside its rows; only a page that says it is HTML is read as one.
    report = Report()
    assert decode(SEED.read_bytes(), SEED, report) == SEED.read_text("utf-8")
    assert report.notices == []


# --- the command ---------------------------------------------------------------


def test_protokoll_import_reads_a_word_file_and_refuses_a_scan_in_one_line(tmp_path, capsys):
    from tests.test_cli import run

    store = str(tmp_path / "store")
    word = seed_docx(tmp_path)
    code, out, err = run(capsys, "import", str(word), str(DATA / "skannad.pdf"), "--store", store)
    assert code == 1  # one of the two could not be read
    assert re.fullmatch(r"[\w-]+\n", out)  # the id of the meeting made from the Word file
    errors = [line for line in err.splitlines() if "skannad.pdf" in line]
    assert len(errors) == 1 and "kör den genom OCR först" in errors[0]
    assert "Traceback" not in err
    # The warnings name the file, and say their line numbers are of the converted text.
    assert f"{word}: Word-filen lästes som text" in err
    code, out, _ = run(capsys, "list", "--store", store)
    assert code == 0 and "2020-03-27" in out


def test_word_text_in_boxes_controls_header_tables_and_merged_cells_is_read_once(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    cells = d.sections[0].header.add_table(rows=1, cols=2, width=docx.shared.Cm(16)).rows[0].cells
    cells[0].text, cells[1].text = "Kommunstyrelsen", "Sammanträdesdatum 2024-03-14"
    d.add_paragraph("Första stycket")
    box = parse_xml(
        f"<w:r {nsdecls('w')} xmlns:v='urn:schemas-microsoft-com:vml'>"
        "<w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Justerare Bo Ek</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    d.paragraphs[-1]._p.append(box)
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Datum 2024-03-14</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    d.element.body.insert(len(d.element.body) - 1, control)
    table = d.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(1, 0))
    merged.text = "Åsa Öberg"
    table.cell(0, 1).text, table.cell(1, 1).text = "§ 1", "§ 2"
    path = tmp_path / "rutor.docx"
    d.save(path)
    text = decode(path.read_bytes(), path, Report())
    lines = text.split("\n")
    assert lines[0] == "Kommunstyrelsen\tSammanträdesdatum 2024-03-14"
    assert lines.index("Första stycket") < lines.index("Justerare Bo Ek")
    assert lines.index("Justerare Bo Ek") < lines.index("Datum 2024-03-14")
    assert "| Åsa Öberg | § 1 |" in lines and "|  | § 2 |" in lines
    assert text.count("Åsa Öberg") == 1  # a merged cell is not repeated


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_file_damaged_anywhere_is_read_or_refused_in_one_line(tmp_path, kind):
    import random

    whole = (seed_docx(tmp_path) if kind == "docx" else SEED.with_suffix(".pdf")).read_bytes()
    rng = random.Random(13)  # the same damage each run
    for _ in range(60):
        data = bytearray(whole)
        for _ in range(rng.choice([1, 5, 50])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(10, len(data))]
        try:
            decode(bytes(data), tmp_path / f"skadad.{kind}", Report())
        except StoreError as exc:
            assert exc.key in (f"{kind}_damaged", "docx_too_large", "pdf_no_text")
            assert "\n" not in exc.text("sv")


def test_pdf_lines_wrapped_at_the_margin_run_on_but_list_items_do_not():
    from protokoll.store.importer.formats.pdf import _lines

    layout = "\n".join(
        [
            "Styrelsen diskuterade budgeten för nästa år och konstaterade att kostnaderna",
            "ökar.",
            "- Ordföranden redogjorde för läget i föreningen och för de nya medlemmarna",
            "- Kassören redogjorde",
            "Kort rad",
            "Ännu en kort rad",
        ]
    )
    assert _lines(layout).split("\n") == [
        "Styrelsen diskuterade budgeten för nästa år och konstaterade att kostnaderna ökar.",
        "- Ordföranden redogjorde för läget i föreningen och för de nya medlemmarna",
        "- Kassören redogjorde",
        "Kort rad",
        "Ännu en kort rad",
    ]


def test_a_web_page_in_an_old_code_page_is_read_by_its_content_not_its_name(tmp_path):
    page = "<!DOCTYPE html>\n<html><body><h2>Närvarande</h2><p>Åsa Öberg</p></body></html>"
    report = Report()
    text = decode(page.encode("cp1252"), tmp_path / "protokoll.txt", report)
    assert text == "## Närvarande\n\nÅsa Öberg"
    assert [n.params["encoding"] for n in report.notices] == ["Windows-1252"]


def test_the_running_heads_and_feet_of_a_pdf_are_not_the_protocols_text(example):
    """protokoll's own PDF imported again: "Justerandes signatur Utdragsbestyrkande"
    and "Sida 2 av 4" from every page's foot and head had become § text, a
    title and a signature (trial 10). Lines at the edge of most pages are left
    out, and said."""
    from protokoll.store.pdf import render_pdf
    from protokoll.store.render import render_text

    original = Store(example).load("20251120-sn")
    data = render_pdf(original)
    report = Report()
    text = pdf_text(data, Path("sn.pdf"), report)
    assert "Utdragsbestyrkande" not in text and "Sida 2 av" not in text
    said = [n.text("sv") for n in report.notices if n.key == "pdf_furniture"]
    assert said and "sidhuvud och sidfot" in said[0] and "Utdragsbestyrkande" in said[0]
    meeting, _ = read_protocol(data, Path("sn.pdf"))
    printed = render_text(meeting)
    assert "Justerandes signatur" not in printed and "Sida " not in printed
    # The head of a page that goes on with a § ("Socialnämnden  § 133 forts.")
    # is the same furniture, not text of the § it names.
    assert "forts." not in printed
    assert [p.number for p in meeting.paragraphs] == [p.number for p in original.paragraphs]
