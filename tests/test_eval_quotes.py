"""`eventwire eval quotes`: the brat reader and the matching rules on small files written here,
and one run on the real PolNeAR dev set when ../shared is present."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventwire.evaluation import quotes as q
from eventwire.model import Actor, Quote, TextSpan

SHARED = Path(__file__).resolve().parents[2] / "shared"

TEXT = ('The ministry said that the talks had failed. "We will not sign," Mr. Lee told reporters. '
        '"Never." Prices rose, data showed.')
ANN = """T1\tSource 0 12\tThe ministry
T2\tCue 13 17\tsaid
T3\tContent 18 43\tthat the talks had failed
T4\tAttribution 13 17\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tSource 65 72\tMr. Lee
T6\tCue 73 77\ttold
T7\tContent 45 64;89 97\t"We will not sign," "Never."
T8\tAttribution 73 77\ttold
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
T9\tCue 116 122\tshowed
T10\tContent 98 109\tPrices rose
T11\tAttribution-no-source 116 122\tshowed
E3\tAttribution-no-source:T11 Content:T10 Cue:T9
T12\tDiscuss 0 3\tThe
T13\tCue 0 3\tThe
T14\tAttribution 0 3\tThe
E4\tAttribution:T14 Cue:T13
"""


def test_texts_used_here_have_the_offsets_the_annotations_say():
    assert TEXT[0:12] == "The ministry" and TEXT[65:72] == "Mr. Lee"
    assert TEXT[116:122] == "showed" and TEXT[18:43] == "that the talks had failed"
    assert TEXT[45:64] == '"We will not sign,"' and TEXT[89:97] == '"Never."' and TEXT[98:109] == "Prices rose"


def test_parse_fragments_reads_discontinuous_spans():
    assert q.parse_fragments("89 106") == ((89, 106),)
    assert q.parse_fragments("315 448;463 553") == ((315, 448), (463, 553))


def test_read_brat_ties_content_to_source_and_keeps_sourceless_attributions():
    gold = q.read_brat(ANN, TEXT)
    assert [a.content for a in gold] == [((18, 43),), ((45, 64), (89, 97)), ((98, 109),)]
    ministry, lee, data = gold
    assert ministry.source == ((0, 12),) and ministry.source_text == "The ministry" and ministry.cue == ((13, 17),)
    assert lee.source_text == "Mr. Lee" and lee.has_source
    assert data.source == () and not data.has_source  # "data showed": no Source annotated
    # E4 has no Content: not an attribution; Discuss spans are ignored


def test_read_brat_pools_two_content_arguments_of_one_event():
    ann = "T1\tContent 0 3\tThe\nT2\tContent 4 12\tministry\nT3\tCue 13 17\tsaid\n" \
          "E1\tAttribution:T3 Cue:T3 Content:T1 Content2:T2\n"
    (only,) = q.read_brat(ann, TEXT)
    assert only.content == ((0, 3), (4, 12))


def write_dataset(root: Path, files: dict[str, str]) -> Path:
    folder = root / "eval" / "quotes" / "polnear-dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8", newline="")
    return folder


def test_load_dataset_takes_the_first_annotator_in_sorted_order(tmp_path):
    folder = write_dataset(tmp_path, {
        "text/doc_a.txt": TEXT,
        "attributions/doc_a_ff00.ann": "",  # a second annotator who marked nothing
        "attributions/doc_a_0b1c.ann": ANN,
        "text/doc_b.txt": "No annotations for this one.",
        "metadata.tsv": "compartment\tfilename\tpublication_date\ndev\tdoc_a\t2016-09-12\n",
    })
    (doc,) = q.load_dataset(folder)
    assert (doc.name, doc.annotator, doc.published, len(doc.gold)) == ("doc_a", "0b1c", "2016-09-12", 3)


def test_content_match_needs_half_of_the_shorter_span():
    assert q.content_match(((0, 10),), ((5, 30),)) == 5  # 5 of the shorter 10: exactly half
    assert q.content_match(((0, 10),), ((6, 30),)) == 0  # 4 of 10
    assert q.content_match(((0, 10), (20, 30)), ((5, 25),)) == 10  # fragments add up
    assert q.content_match(((0, 10),), ((10, 20),)) == 0  # touching is not overlapping


def test_matching_is_one_to_one_largest_overlap_first():
    gold = [q.Attribution(((0, 100),)), q.Attribution(((200, 220),))]
    predicted = [q.Attribution(((0, 40),)), q.Attribution(((40, 100),)), q.Attribution(((150, 300),))]
    # both halves of the long gold match it; only the larger gets it. The long prediction covers
    # all of the short gold (20 of the shorter 20).
    assert q.match(gold, predicted) == [(0, 1), (1, 2)]


def test_speaker_by_span_then_by_name_word_then_by_pronoun_antecedent():
    gold = [q.Attribution(((50, 90),), ((0, 16),), "Sen. Mitch McConnell"),
            q.Attribution(((150, 190),), ((100, 103),), "the agency"),
            q.Attribution(((250, 290),), ((200, 202),), "he")]
    at_span = q.Attribution(((50, 90),), ((5, 10),), "Mitch")
    elsewhere_same_name = q.Attribution(((50, 90),), ((300, 309),), "McConnell Mitch McConnell")
    wrong = q.Attribution(((50, 90),), ((300, 305),), "Obama")
    assert q.speaker_correct(gold, 0, at_span)
    assert q.speaker_correct(gold, 0, elsewhere_same_name)
    assert not q.speaker_correct(gold, 0, wrong)
    assert not q.speaker_correct(gold, 0, q.Attribution(((50, 90),)))  # no speaker predicted
    assert not q.speaker_correct(gold, 1, q.Attribution(((150, 190),), ((400, 410),), "the Post"))  # "the" is no name
    # gold "he" stands for the nearest non-pronoun Source before it: "the agency", not McConnell
    assert q.speaker_correct(gold, 2, q.Attribution(((250, 290),), ((120, 126),), "agency"))
    assert not q.speaker_correct(gold, 2, q.Attribution(((250, 290),), ((10, 16),), "McConnell"))


def test_pronouns_are_recognised():
    assert q.is_pronoun("He") and q.is_pronoun("they") and not q.is_pronoun("The Post")


class FakePipeline:
    """Stands in for eventwire's: one quote per text, or a refusal."""

    def code(self, text, published=None):
        if text.startswith("Short"):
            raise ValueError("article does not look English")
        lee = Actor("Mr. Lee", (65, 72), "Lee", None, None, None, None)
        return SimpleNamespace(quotes=(
            Quote(lee, TextSpan("told", (73, 77)), TextSpan("We will not sign,", (46, 63)), True),
            Quote(None, None, TextSpan("Never.", (90, 96)), True),
        ))


def test_evaluate_without_textacy_reports_eventwire_alone(tmp_path, monkeypatch):
    write_dataset(tmp_path, {"text/doc_a.txt": TEXT, "attributions/doc_a_0b1c.ann": ANN,
                             "text/doc_b.txt": "Short", "attributions/doc_b_0b1c.ann": ANN})
    monkeypatch.setitem(sys.modules, "textacy", None)  # import textacy -> ImportError
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    result = q.evaluate(FakePipeline(), tmp_path)
    tally = result.systems["eventwire"]
    assert list(result.systems) == ["eventwire"] and "textacy is not installed" in result.report()
    # doc_a: "We will not sign," matches Lee's two-part quote (17 of the shorter 17); "Never." is
    # left over (the gold is taken). doc_b is refused: its 3 gold attributions are all missed.
    assert (tally.gold, tally.predicted, tally.matched, tally.refused) == (6, 2, 1, 1)
    assert tally.precision == 0.5 and tally.recall == pytest.approx(1 / 6)
    assert (tally.speaker_hits, tally.speaker_scored, tally.no_speaker) == (1, 1, 1)
    assert tally.gold_direct == 1 and tally.matched_direct == 1  # Lee's content opens with a mark


def test_textacy_triples_become_attributions():
    pytest.importorskip("textacy")
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    doc = nlp("Mr. Lee said no .")
    triple = SimpleNamespace(speaker=[doc[1], doc[0]], cue=[doc[2]], content=doc[3:5])
    got = q.from_triple(triple)
    assert got.source == ((0, 7),) and got.source_text == "Mr. Lee" and got.cue == ((8, 12),)
    assert got.content == ((13, 17),)


@pytest.mark.skipif(not (SHARED / "eval" / "quotes" / "polnear-dev").is_dir(),
                    reason="../shared/eval/quotes/polnear-dev is not here (a user's clone has none)")
def test_runs_on_the_polnear_dev_set(pipeline):
    result = q.evaluate(pipeline, SHARED, limit=12)  # the first 12 texts keep the suite quick
    assert result.documents == 12
    assert result.systems["eventwire"].gold > 0
    for name, tally in result.systems.items():
        for value in (tally.precision, tally.recall, tally.f1, tally.speaker_accuracy, tally.recall_direct):
            assert 0.0 <= value <= 1.0, name
    try:
        import textacy  # noqa: F401
    except ImportError:
        assert "textacy is not installed" in result.report()
    else:
        assert "textacy" in result.systems
    assert "precision" in result.report()
