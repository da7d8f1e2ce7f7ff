"""Reading every input kind, and every kind of bad input, without losing the rest of a batch."""

from __future__ import annotations

import gzip
import io
import json

from eventwire.ingest import make_article, read_inputs
from eventwire.model import Article, Failure

GOOD = ("Police in the capital arrested dozens of protesters on Tuesday after the opposition called "
        "for a general strike, officials said. The interior minister said the marchers had been warned.")


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def errors(items):
    return [i for i in items if isinstance(i, Failure) and i.severity == "error"]


def test_jsonl_fields_and_id_rules(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "x1", "text": GOOD, "title": "T", "published": "2024-03-05", "source": "Wire"},
        {"url": "https://example.org/2", "text": GOOD + " More.", "published": "2024-03-05T10:00:00Z"},
        {"text": GOOD + " Again.", "published": "2024-03-05"},
    ]), encoding="utf-8")
    got = articles(read_inputs([str(path)]))
    assert [a.id for a in got[:2]] == ["x1", "https://example.org/2"]
    assert got[2].id.startswith("sha1:")
    assert got[0].published == "2024-03-05" and got[1].published.startswith("2024-03-05T10:00:00")
    assert got[0].title == "T" and got[0].source == "Wire"


def test_malformed_jsonl_line_costs_only_that_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": GOOD, "published": "2024-01-01"}) + "\n{not json\n"
                    + json.dumps({"id": "b", "text": GOOD + " B.", "published": "2024-01-01"}) + "\n")
    items = list(read_inputs([str(path)]))
    assert [a.id for a in articles(items)] == ["a", "b"]
    [bad] = errors(items)
    assert bad.origin.endswith(":2") and "malformed JSON" in bad.reason


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    [f] = list(read_inputs([str(path)]))
    assert isinstance(f, Failure) and f.reason == "empty file"


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [f] = list(read_inputs([str(path)]))
    assert isinstance(f, Failure) and "binary" in f.reason


def test_invalid_utf8_is_refused_clearly(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Caf\xe9 owners protested in Paris. " + GOOD).encode("latin-1"))
    [f] = list(read_inputs([str(path)]))
    assert isinstance(f, Failure) and "UTF-8" in f.reason


def test_huge_text_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("w") as handle:
        for _ in range(50):
            handle.write(("x" * 1023 + "\n") * 1024)  # 50 MB
    [f] = list(read_inputs([str(path)]))
    assert isinstance(f, Failure) and "split it" in f.reason and "MB" in f.reason


def test_missing_and_unparseable_published_are_warnings_not_losses():
    missing = list(make_article(GOOD, origin="t"))
    assert isinstance(missing[0], Article) and missing[0].published is None
    assert missing[1].severity == "warning" and "no publication date" in missing[1].reason
    bad = list(make_article(GOOD, origin="t", published="the day after tomorrow-ish"))
    assert bad[0].published is None and "unparseable" in bad[1].reason


def test_non_english_article_is_refused():
    spanish = ("El gobierno de Colombia y la guerrilla del ELN acordaron el martes prorrogar el alto el fuego "
               "durante seis meses, según informaron los negociadores en La Habana, donde se celebran las "
               "conversaciones de paz desde el año pasado.")
    [f] = list(make_article(spanish, origin="t", published="2024-01-01"))
    assert isinstance(f, Failure) and "English" in f.reason


def test_html_page_title_and_date(tmp_path):
    page = tmp_path / "story.html"
    body = " ".join([GOOD] * 4)
    page.write_text(f"""<html><head><title>Dozens held in capital</title>
      <meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
      <body><nav>Home | World</nav><article><h1>Dozens held in capital</h1><p>{body}</p>
      <p>{body}</p></article><footer>Copyright</footer></body></html>""")
    [a] = articles(read_inputs([str(page)]))
    assert "arrested dozens of protesters" in a.text
    assert a.title == "Dozens held in capital" and a.published.startswith("2024-03-05")


def test_html_page_without_article(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [f] = list(read_inputs([str(page)]))
    assert isinstance(f, Failure) and "no article text" in f.reason


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Protesters held</title><link>https://example.org/1</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate><description>&lt;p&gt;{}&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://example.org/2</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate><description>{} Second.</description></item>
</channel></rss>""".format(GOOD, GOOD)


def test_rss_one_article_per_item_with_its_date(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS)
    got = articles(read_inputs([str(feed)]))
    assert [a.id for a in got] == ["https://example.org/1", "https://example.org/2"]
    assert [a.published[:10] for a in got] == ["2024-03-05", "2024-03-06"]
    assert got[0].source == "Example Wire" and "<p>" not in got[0].text


def test_atom_feed_detected_by_content(tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
      <title>Atom Wire</title><entry><id>urn:x:1</id><title>Held</title><updated>2024-03-05T09:00:00Z</updated>
      <content type="html">{GOOD}</content></entry></feed>""")
    [a] = articles(read_inputs([str(feed)]))
    assert a.id == "urn:x:1" and a.published.startswith("2024-03-05")


def test_feed_with_no_items(tmp_path):
    feed = tmp_path / "empty.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    [f] = list(read_inputs([str(feed)]))
    assert isinstance(f, Failure) and "no items" in f.reason


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))


def test_warc_response_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    body = " ".join([GOOD] * 3)
    _warc(path, [("https://example.org/a", f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>"),
                 ("https://example.org/b", f"<html><body><article><p>{body} B.</p><p>{body}</p></article></body></html>")])
    got = articles(read_inputs([str(path)]))
    assert [a.url for a in got] == ["https://example.org/a", "https://example.org/b"]


def test_folder_is_read_recursively_and_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(GOOD)
    (tmp_path / "sub" / "a.txt").write_text(GOOD + " Other.")
    (tmp_path / ".hidden.txt").write_text(GOOD + " Hidden.")
    got = articles(read_inputs([str(tmp_path)]))
    assert [a.origin.split("/")[-1] for a in got] == ["b.txt", "a.txt"]


def test_missing_path():
    [f] = list(read_inputs(["/no/such/file.jsonl"]))
    assert isinstance(f, Failure) and "no such file" in f.reason


def test_gzip_that_is_not_warc(tmp_path):
    path = tmp_path / "data.gz"
    path.write_bytes(gzip.compress(b"hello"))
    [f] = list(read_inputs([str(path)]))
    assert isinstance(f, Failure)


def test_publication_date_from_the_dateline_when_none_is_given():
    text = "Talks collapse\n\nGENEVA, March 3, 2024 (Example Wire) - Negotiators walked out on Sunday. " + GOOD
    article, warning = list(make_article(text, origin="t"))
    assert article.published == "2024-03-03" and "dateline" in warning.reason


def test_no_dateline_no_invented_date():
    article, warning = list(make_article("Negotiators walked out on Sunday in Geneva. " + GOOD, origin="t"))
    assert article.published is None and "unresolved" in warning.reason
