"""Write the CIN census XML of each collection year (ReferenceDate 31 March).

A year's file holds every child in need at any time in the year, with the CINdetails open in the
year, their assessments, section 47 enquiries and child protection plans; a plan's review dates are
those held in the year (readers take the union over files). Elements follow the XSD of the
census year (nearest available): GenderCurrent (1/2) until 2024, Sex (M/F) from 2025;
CINPlanDates from 2022. NumberOfPreviousCPP is required by every schema and written, 0 included.
"""

from __future__ import annotations

from pathlib import Path

from iru.data.synthetic.calendar import Day, collection_year_days, iso
from iru.data.synthetic.model import Child, CinEpisode, Plan, Section47

SCHEMA_YEARS = range(2017, 2027)  # CIN_schema_YYYY.xsd available for these census years
LEA = "999"  # not a real authority's code


def schema_year(census_year: int) -> int:
    """The XSD year used for a census year: itself, or the nearest available."""
    return min(max(census_year, SCHEMA_YEARS.start), SCHEMA_YEARS.stop - 1)


class CensusWriter:
    def __init__(self, year: int, today: Day) -> None:
        self.census = year + 1
        self.schema = schema_year(self.census)
        self.first, self.last = collection_year_days(year)
        self.today = today

    def write(self, path: Path, children: list[Child]) -> int:
        parts = [self._header()]
        written = 0
        for child in children:
            episodes = [e for e in child.cin if self._open_in_year(e)]
            if episodes:
                parts.append(self._child(child, episodes))
                written += 1
        parts.append("  </Children>\n</Message>\n")
        path.write_text("".join(parts), encoding="utf-8")
        return written

    def _open_in_year(self, episode: CinEpisode) -> bool:
        return episode.referral <= self.last and (
            episode.closure is None or episode.closure >= self.first
        )

    def _header(self) -> str:
        made = iso(min(self.last, self.today))
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<Message>\n  <Header>\n'
            f"    <CollectionDetails><Collection>CIN</Collection><Year>{self.census}</Year>"
            f"<ReferenceDate>{iso(self.last)}</ReferenceDate></CollectionDetails>\n"
            f"    <Source><SourceLevel>L</SourceLevel><LEA>{LEA}</LEA><SoftwareCode>iru generate"
            f"</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo>"
            f"<DateTime>{made}T09:00:00</DateTime></Source>\n  </Header>\n  <Children>\n"
        )

    def _child(self, child: Child, episodes: list[CinEpisode]) -> str:
        upn = f"<UPN>{child.upn}</UPN>" if child.upn else "<UPNunknown>UN1</UPNunknown>"
        if self.schema >= 2025:
            sex = f"<Sex>{child.sex}</Sex>"
        else:
            sex = f"<GenderCurrent>{1 if child.sex == 'M' else 2}</GenderCurrent>"
        if child.death is not None and child.death <= self.last:
            sex += f"<PersonDeathDate>{iso(child.death)}</PersonDeathDate>"
        disabled = any(e.need == "N2" for e in child.cin)
        disability = "<Disabilities><Disability>LD</Disability></Disabilities>" if disabled else ""
        head = (
            f"    <Child>\n      <ChildIdentifiers><LAchildID>{child.id}</LAchildID>{upn}"
            f"<PersonBirthDate>{iso(child.dob)}</PersonBirthDate>{sex}</ChildIdentifiers>\n"
            f"      <ChildCharacteristics><Ethnicity>{child.ethnic}</Ethnicity>{disability}"
            "</ChildCharacteristics>\n"
        )
        return head + "".join(self._details(e) for e in episodes) + "    </Child>\n"

    def _details(self, e: CinEpisode) -> str:
        closed = e.closure is not None and e.closure <= self.last
        parts = [
            f"      <CINdetails>\n        <CINreferralDate>{iso(e.referral)}</CINreferralDate>"
            f"<ReferralSource>{e.source}</ReferralSource><PrimaryNeedCode>{e.need}</PrimaryNeedCode>"
        ]
        if closed and e.closure is not None:
            parts.append(
                f"<CINclosureDate>{iso(e.closure)}</CINclosureDate>"
                f"<ReasonForClosure>{e.closure_reason}</ReasonForClosure>"
            )
        icpcs = [s.icpc for s in e.section47s if s.icpc is not None and s.icpc <= self.last]
        if icpcs:
            parts.append(f"<DateOfInitialCPC>{iso(icpcs[-1])}</DateOfInitialCPC>")
        parts.append("\n")
        parts.append(self._assessment(e))
        if self.schema >= 2022 and e.cin_plan is not None and e.cin_plan[0] <= self.last:
            start, end = e.cin_plan
            ended = (
                f"<CINPlanEndDate>{iso(end)}</CINPlanEndDate>" if end and end <= self.last else ""
            )
            parts.append(
                f"        <CINPlanDates><CINPlanStartDate>{iso(start)}</CINPlanStartDate>"
                f"{ended}</CINPlanDates>\n"
            )
        parts += [self._section47(s) for s in e.section47s if self._s47_in_year(s)]
        nfa = 1 if closed and e.closure == e.referral and e.assessment_start is None else 0
        parts.append(f"        <ReferralNFA>{nfa}</ReferralNFA>\n")
        parts += [self._plan(p) for p in e.plans if self._plan_in_year(p)]
        parts.append("      </CINdetails>\n")
        return "".join(parts)

    def _assessment(self, e: CinEpisode) -> str:
        if e.assessment_start is None or e.assessment_start > self.last:
            return ""
        text = f"        <Assessments><AssessmentActualStartDate>{iso(e.assessment_start)}"
        text += "</AssessmentActualStartDate>"
        done = e.assessment_authorised
        if done is not None and done <= self.last:
            factors = "".join(f"<AssessmentFactors>{f}</AssessmentFactors>" for f in e.factors)
            text += f"<AssessmentAuthorisationDate>{iso(done)}</AssessmentAuthorisationDate>"
            text += f"<FactorsIdentifiedAtAssessment>{factors}</FactorsIdentifiedAtAssessment>"
        return text + "</Assessments>\n"

    def _s47_in_year(self, s: Section47) -> bool:
        latest = s.icpc if s.icpc is not None else s.start
        return s.start <= self.last and latest >= self.first

    def _section47(self, s: Section47) -> str:
        icpc = ""
        if s.icpc is not None and s.icpc <= self.last:
            icpc = f"<DateOfInitialCPC>{iso(s.icpc)}</DateOfInitialCPC>"
        return (
            f"        <Section47><S47ActualStartDate>{iso(s.start)}</S47ActualStartDate>"
            f"<InitialCPCtarget>{iso(s.target)}</InitialCPCtarget>{icpc}"
            f"<ICPCnotRequired>{1 if s.not_required else 0}</ICPCnotRequired></Section47>\n"
        )

    def _plan_in_year(self, p: Plan) -> bool:
        return p.start <= self.last and (p.end is None or p.end >= self.first)

    def _plan(self, p: Plan) -> str:
        ended = p.end is not None and p.end <= self.last
        end = f"<CPPendDate>{iso(p.end)}</CPPendDate>" if ended and p.end is not None else ""
        held = [day for day in p.reviews if self.first <= day <= self.last]
        reviews = "".join(f"<CPPreviewDate>{iso(day)}</CPPreviewDate>" for day in held)
        return (
            f"        <ChildProtectionPlans><CPPstartDate>{iso(p.start)}</CPPstartDate>{end}"
            f"<InitialCategoryOfAbuse>{p.initial_category}</InitialCategoryOfAbuse>"
            f"<LatestCategoryOfAbuse>{p.latest_category}</LatestCategoryOfAbuse>"
            f"<NumberOfPreviousCPP>{p.previous_plans}</NumberOfPreviousCPP>"
            + (f"<Reviews>{reviews}</Reviews>" if held else "")
            + "</ChildProtectionPlans>\n"
        )
