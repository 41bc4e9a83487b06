"""`cin_rows`: fields wherever they are written in their block, and only where they belong."""

from iru.data.cin_xml import cin_rows
from iru.data.xml_safe import parse_xml

# Blocks out of their usual order, repeated blocks and tags, and elements out of place.
MESSY = b"""<?xml version="1.0"?>
<Message><Children>
<Child>
  <CINdetails>
    <Section47><S47ActualStartDate>2021-01-02</S47ActualStartDate>
      <DateOfInitialCPC>2021-01-09</DateOfInitialCPC><CINreferralDate>1999-01-01</CINreferralDate>
    </Section47>
    <ChildProtectionPlans>
      <Reviews><CPPreviewDate>2021-03-01</CPPreviewDate><Other/><CPPreviewDate>2021-04-01</CPPreviewDate></Reviews>
      <CPPstartDate>2021-02-01</CPPstartDate><CPPstartDate>2021-02-02</CPPstartDate>
    </ChildProtectionPlans>
    <Assessments><CINreferralDate>1999-02-02</CINreferralDate></Assessments>
    <CINreferralDate>2021-01-01</CINreferralDate>
    <LAchildID>not this one</LAchildID>
  </CINdetails>
  <ChildIdentifiers><LAchildID>A1</LAchildID><LAchildID>A2</LAchildID></ChildIdentifiers>
  <ChildIdentifiers><LAchildID>B</LAchildID><UPN>U</UPN></ChildIdentifiers>
  <ChildCharacteristics><Disabilities><Disability> D1 </Disability><Disability/></Disabilities>
  </ChildCharacteristics>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity>
    <Disabilities><Disability>D2</Disability></Disabilities><Disability>D3</Disability>
  </ChildCharacteristics>
  <Extra><CINdetails><CINreferralDate>1999-03-03</CINreferralDate></CINdetails></Extra>
</Child>
<Extra><Child><ChildIdentifiers><LAchildID>nested</LAchildID></ChildIdentifiers></Child></Extra>
</Children>
<Child><ChildIdentifiers><LAchildID>stray</LAchildID></ChildIdentifiers></Child>
</Message>
"""


def test_fields_are_read_wherever_in_their_block_and_only_there():
    rows = cin_rows(parse_xml("messy.xml", MESSY))
    children = rows["cin_children"]
    assert children.columns["LAchildID"] == ["A2"]  # the first block, its last LAchildID
    assert children.columns["UPN"] == [None]
    assert children.columns["Ethnicity"] == [None]  # not in the first ChildCharacteristics
    assert children.columns["Disabilities"] == ["D1;D2"]
    assert children.lines == [3]
    details = rows["cin_details"]
    assert details.columns["LAchildID"] == ["A2"]
    assert details.columns["CINreferralDate"] == ["2021-01-01"]
    assert details.columns["DateOfInitialCPC"] == [None]
    assert details.lines == [4]
    enquiries = rows["section47"]
    assert enquiries.columns["CINreferralDate"] == ["2021-01-01"]
    assert enquiries.columns["DateOfInitialCPC"] == ["2021-01-09"]
    assert enquiries.columns["LAchildID"] == ["A2"]
    plans = rows["cp_plans"]
    assert plans.columns["CPPstartDate"] == ["2021-02-02"]
    assert plans.columns["CINreferralDate"] == ["2021-01-01"]
    reviews = rows["cp_reviews"]
    assert reviews.columns["CPPreviewDate"] == ["2021-03-01", "2021-04-01"]
    assert reviews.columns["CPPstartDate"] == ["2021-02-02", "2021-02-02"]
    assert reviews.columns["LAchildID"] == ["A2", "A2"]
    assert reviews.lines == [9, 9]
    assert (enquiries.lines, plans.lines) == ([5], [8])


def test_a_message_without_children_has_empty_tables():
    rows = cin_rows(parse_xml("empty.xml", b"<Message><Header/></Message>"))
    assert all(not table.lines for table in rows.values())
    assert all(not column for table in rows.values() for column in table.columns.values())
