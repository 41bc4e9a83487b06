"""Turning the bytes of an uploaded or stored CSV file into a frame of text cells.

Accepts what authorities' tools write: UTF-8 with or without a byte-order mark, Windows-1252
(with a finding), UTF-16 with a byte-order mark (Excel's "Unicode text"), CRLF line ends, blank
lines and short rows. Rejects, as `UnreadableFile`, bytes that are not text at all.
"""

from __future__ import annotations

import codecs
import io

import polars as pl

from iru.data.findings import cell_findings, file_finding, no_findings
from iru.data.problems import UnreadableFile

# A line field separator that cannot occur in text, so each line reads as one cell.
_WHOLE_LINE = "\x1f"


def as_utf8(file: str, content: bytes) -> tuple[bytes, pl.DataFrame]:
    """`content` as UTF-8 without a byte-order mark, and a finding when it was not UTF-8."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            return _recode(file, content, encoding), no_findings()
    content = content.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in content:
        raise UnreadableFile(file, "is not a text (CSV) file")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        message = "the file is not UTF-8; it was read as Windows-1252"
        return _recode(file, content, "cp1252"), file_finding(file, message)
    return content, no_findings()


def _recode(file: str, content: bytes, encoding: str) -> bytes:
    try:
        decoded = content.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(file, "is not a text (CSV) file") from error
    if "\x00" in decoded:
        raise UnreadableFile(file, "is not a text (CSV) file")
    return decoded.removeprefix("\ufeff").encode("utf-8")


def read_cells(file: str, content: bytes) -> pl.DataFrame:
    """Every cell as text (null where empty), columns as named in the header row, plus `_row`.

    `_row` is the spreadsheet row (the header is row 1). Blank lines keep their number but are
    dropped. Extra cells beyond the header are ignored; short rows are filled with nulls.
    """
    try:
        frame = pl.read_csv(
            io.BytesIO(content),
            infer_schema=False,
            truncate_ragged_lines=True,
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, ValueError, OverflowError) as error:
        raise UnreadableFile(file, f"cannot be read as CSV ({_first_line(error)})") from error
    frame = frame.with_row_index("_row", offset=2).with_columns(pl.col("_row").cast(pl.Int64))
    cells = [col for col in frame.columns if col != "_row"]
    if not cells:
        return frame
    return frame.filter(~pl.all_horizontal(pl.col(cells).is_null()))


def short_rows(file: str, content: bytes, frame: pl.DataFrame, width: int) -> pl.DataFrame:
    """A finding for each row of `frame` written with fewer than `width` cells (a truncated row).

    Counts separators per line, ignoring those inside quotes. A quoted value spanning lines
    would shift the count; 903 files have none, so we accept that.
    """
    if width <= 1 or not frame.height:
        return no_findings()
    try:
        lines = pl.read_csv(
            io.BytesIO(content),
            has_header=False,
            separator=_WHOLE_LINE,
            quote_char=None,
            infer_schema=False,
            truncate_ragged_lines=True,
            new_columns=["line"],
        ).select(pl.col("line").str.strip_chars_end("\r"))
    except (pl.exceptions.PolarsError, ValueError) as error:
        raise UnreadableFile(file, f"cannot be read as CSV ({_first_line(error)})") from error
    unquoted = pl.col("line").str.replace_all(r'"[^"]*"', "") if b'"' in content else pl.col("line")
    counted = (
        lines.with_row_index("_row", offset=1)
        .select(pl.col("_row").cast(pl.Int64), unquoted.str.count_matches(",", literal=True))
        .filter(pl.col("line") < width - 1)  # fewer separators than the header has
    )
    if not counted.height:
        return no_findings()
    short = frame.select("_row").join(counted, on="_row", how="inner")
    message = f"the row has fewer cells than the header ({width}); missing cells are empty"
    return cell_findings(
        short.with_columns(pl.lit(file).alias("_file")), pl.lit(True), None, message
    )


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__
