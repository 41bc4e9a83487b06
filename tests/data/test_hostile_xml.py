import pytest

from iru.data import UnreadableFile, read_files

HOSTILE = {
    "billion_laughs.xml": b"""<?xml version="1.0"?>
<!DOCTYPE Message [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Message>&lol3;</Message>""",
    "quadratic.xml": b'<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]><Message>'
    + b"&a;" * 1000
    + b"</Message>",
    "external_entity.xml": b"""<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Message><Header>&xxe;</Header></Message>""",
    "external_dtd.xml": b"""<?xml version="1.0"?>
<!DOCTYPE Message SYSTEM "http://example.invalid/cin.dtd"><Message/>""",
    "plain_dtd.xml": b"""<?xml version="1.0"?>
<!DOCTYPE Message [<!ELEMENT Message ANY>]><Message/>""",
    "utf16_dtd.xml": '<?xml version="1.0" encoding="utf-16"?>'
    "<!DOCTYPE Message [<!ELEMENT Message ANY>]><Message/>".encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_xml_is_refused_naming_the_file(name):
    with pytest.raises(UnreadableFile) as raised:
        read_files([(name, HOSTILE[name])])
    assert raised.value.file == name
    assert "contains a DTD/entity declaration, which is not allowed" in str(raised.value)
    assert name in str(raised.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"CHILD,DOB\n1,01/01/2020\n", "not well-formed XML"),
        (b"", "not well-formed XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not well-formed XML"),
        (b"<Other><Child/></Other>", "root element <Other>"),
    ],
)
def test_not_xml_or_wrong_root_is_unreadable(content, reason):
    with pytest.raises(UnreadableFile, match=reason) as raised:
        read_files([("cin.xml", content)])
    assert raised.value.file == "cin.xml"
