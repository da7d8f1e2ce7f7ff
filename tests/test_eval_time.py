"""The MEANTIME reader and scorer, on a small CAT XML written for the test."""

from __future__ import annotations

from datetime import date

from eventwire.evaluation.time import evaluate, read_document

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">resume</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">Envoys</token>
<token number="7" sentence="2" t_id="8">met</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Monday</token>
<token number="10" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2009-03-04">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2009-03-02"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="x" m_id="3" type="DATE" value="2009"/>
</Markables></Document>"""


def test_reader_rebuilds_text_and_offsets(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(CAT)
    doc = read_document(path)
    assert doc.text == "Talks resume\n\nMarch 4, 2009\n\nEnvoys met on Monday."
    assert doc.created == date(2009, 3, 4)
    assert [doc.text[t.span[0]:t.span[1]] for t in doc.timexes] == ["March 4, 2009", "Monday"]


def test_scoring_on_a_tiny_corpus(tmp_path, pipeline):
    folder = tmp_path / "eval" / "time" / "meantime"
    folder.mkdir(parents=True)
    (folder / "doc.xml").write_text(CAT)
    result = evaluate(pipeline, tmp_path)
    assert result.gold == 2 and result.lenient == 2
    assert result.value_right == 2  # Monday before a Wednesday: March 2
