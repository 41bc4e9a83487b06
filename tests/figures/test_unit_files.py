"""The unit's files as a `UnitDataset`, and `iru figures SOURCE` printing the `unit` group
from SOURCE's `unit` folder (docs/unit-data.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from iru.cli import main
from iru.data.dataset import Dataset
from iru.data.unit_files import read_unit_folder
from iru.figures.unit import unit_figures
from iru.figures.unit.files import unit_dataset_from_files
from tests.figures.builders import EXAMPLES

FILES = {
    "staff.csv": """id,given_name,family_name,role,team_id,fte,email
S1,Ann,Lee,iro,,0.81,
S2,Bob,Kay,icc,,1,
S3,Cal,Roe,social_worker,T1,,
""",
    "allocations.csv": """id,child_id,kind,chair_id,social_worker_id,team_id,start,end
A1,C1,lac,S1,S3,T1,2015-01-01,
A2,C2,lac,S1,S3,T1,2015-01-01,2016-03-31
A3,C2,cp,S2,S3,T1,2015-06-01,
""",
    "meetings.csv": """\
id,kind,date,chair_id,child_ids,attendees,reports_shared_3_days,outcome,category
M1,icpc,2015-05-05,S2,C2;C3,parent;advocate,true,plan,NEG
M2,lac_review,2015-06-01,S1,C1,child,,,
M3,lac_review,2015-07-01,S1,C1,child,,,
M2,lac_review,2015-06-02,S1,C1;C2,carer,,,
""",
    "participation.csv": """meeting_id,child_id,code
M2,C1,PN1
M2,C2,PN4
""",
    "escalations.csv": """\
id,child_id,raised_by,raised,stage,stage_due,resolved,outcome,cafcass_referral,summary
E1,C1,S1,2016-03-24,2,,2016-03-29,,false,
""",
}


def write_unit(folder: Path) -> Path:
    unit = folder / "unit"
    unit.mkdir(parents=True)
    for name, text in FILES.items():
        (unit / name).write_text(text, encoding="utf-8")
    return unit


def test_the_files_read_as_the_unit_s_records_a_repeated_id_replacing_the_row(tmp_path):
    unit = unit_dataset_from_files(read_unit_folder(write_unit(tmp_path)))
    meetings = unit.meetings.sort("meeting_id")
    assert meetings["date"].to_list() == [date(2015, 5, 5), date(2015, 6, 2), date(2015, 7, 1)]
    assert meetings["attendees"].to_list()[1] == ["carer"]
    covered = unit.meeting_children.sort("meeting_id", "child_id").rows()
    # M2's later row covers C1 and C2, with their participation codes.
    assert covered == [
        (0, "C2", None, None),
        (0, "C3", None, None),
        (1, "C1", "PN1", None),
        (1, "C2", "PN4", None),
        (2, "C1", None, None),
    ]
    assert unit.posts.is_empty()
    assert unit.escalation_stages.is_empty()


def test_the_unit_s_figures_from_its_files(tmp_path):
    unit = unit_dataset_from_files(read_unit_folder(write_unit(tmp_path)))
    figures = unit_figures(unit, Dataset(), date(2016, 3, 31))["unit"]
    assert figures["meetings"]["held"] == {"lac_review": 2, "icpc": 1, "rcpc": 0}
    assert figures["icpc"]["outcomes"]["total"]["plan"] == 2
    assert figures["participation"]["advocate"]["icpc"]["numerator"] == 1
    # On YE: C1 with the 0.81 IRO (C2's spell ended that day): 1 / 0.81 = 1.23 -> 1.2.
    assert figures["caseload"]["iro"]["at_year_end"] == {
        "children": 1,
        "fte": 0.81,
        "per_fte": 1.2,
        "fte_from": "staff",
    }
    assert figures["caseload"]["icc"]["at_year_end"]["per_fte"] == 1.0
    assert figures["escalations"]["median_working_days_to_resolve"] == 1.0
    assert figures["escalations"]["by_stage_reached"]["2"] == 1


def test_iru_figures_prints_the_unit_group_from_the_source_s_unit_folder(tmp_path, capsys):
    write_unit(tmp_path / "2016")
    assert main(["figures", str(tmp_path), "--year-end", "2016-03-31"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["unit"]["meetings"]["held"]["lac_review"] == 2
    assert list(figures)[-1] == "warnings"


def test_iru_figures_without_a_unit_folder_has_no_unit_group(capsys):
    assert main(["figures", str(EXAMPLES / "03_lac_counts"), "--year-end", "2018-03-31"]) == 0
    assert "unit" not in json.loads(capsys.readouterr().out)


def test_a_wrong_value_in_a_unit_file_exits_2_in_one_line(tmp_path, capsys):
    unit = write_unit(tmp_path)
    (unit / "meetings.csv").write_text(FILES["meetings.csv"].replace("2015-07-01", "July"))
    assert main(["figures", str(tmp_path), "--year-end", "2016-03-31"]) == 2
    err = capsys.readouterr().err
    assert "meetings.csv" in err
    assert len(err.strip().splitlines()) == 1
