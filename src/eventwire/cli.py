"""The command line: thin wrappers over the same functions the Python API exposes.

Exit codes: 0 success; 1 a fatal error (for example the spaCy model is missing); 2 a usage
error; 3 the run finished but some inputs failed (each is on stderr and, when ingesting, in the
`failures` table).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .ingest import FORMATS

EXIT_SOME_FAILED = 3


def _say_failures(failures) -> None:
    for f in failures:
        click.echo(f"eventwire: {f.severity}: {f.origin}: {f.reason}", err=True)


def _pipeline(dictionaries=()):
    from .nlp import ModelError

    try:
        from .pipeline import Pipeline

        pipeline = Pipeline(dictionaries=dictionaries)
    except ModelError as exc:
        raise click.ClickException(str(exc)) from exc
    _say_dictionaries(pipeline.dictionary_report)
    return pipeline


def _say_dictionaries(report) -> None:
    if report:
        click.echo(f"dictionaries: {report.counts.get('aliases_added', 0)} aliases added, "
                   f"{report.counts.get('malformed_lines', 0)} lines skipped", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: political event data from news, offline.

    \b
    Example:
      eventwire ingest news/ --db news.duckdb
      eventwire events --db news.duckdb --source RUS --cameo 19
    """


_format_option = click.option("--format", "fmt", type=click.Choice(FORMATS),
                              help="Input format; by default detected from each file's extension.")
_batch_option = click.option("--batch-size", default=32, show_default=True, help="Articles parsed per batch.")
_dictionary_option = click.option(
    "--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True),
    help="PETRARCH/Phoenix actor or agent dictionary (file or folder) to add to the actor knowledge base.")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_format_option
@_batch_option
@_dictionary_option
def code(inputs, fmt, batch_size, dictionaries):
    """Code articles and print one JSON annotation per article.

    INPUTS are files, folders or - for stdin.

    \b
    Example:
      eventwire code articles.jsonl > annotations.jsonl
      echo "Russian jets bombed Idlib on Monday." | eventwire code - --format text
    """
    from .batch import code_inputs
    from .model import Annotation

    pipeline = _pipeline(dictionaries)
    errors = 0
    for item in code_inputs(list(inputs), pipeline, fmt, batch_size):
        if isinstance(item, Annotation):
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            _say_failures([item])
            errors += item.severity == "error"
    sys.exit(EXIT_SOME_FAILED if errors else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to write.")
@_format_option
@_batch_option
@_dictionary_option
@click.option("--dask", "scheduler", metavar="ADDRESS",
              help="Code on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); its workers "
                   "need eventwire installed. This process alone writes the DuckDB file.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Code on a local Dask cluster of N worker processes (one thread each), started for this run.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(inputs, db, fmt, batch_size, dictionaries, scheduler, workers, quiet):
    """Code articles into a DuckDB file. Articles already stored are skipped.

    With --dask or --workers (needs pip install 'eventwire[dask]') batches of articles are coded
    by Dask workers, each loading the model once, and written here as they come back.

    \b
    Example:
      eventwire ingest feeds/ archive.warc.gz --db news.duckdb
      eventwire ingest news.jsonl --dictionary my-actors.txt --db news.duckdb
      eventwire ingest news/ --db news.duckdb --workers 4
      eventwire ingest news/ --db news.duckdb --dask tcp://scheduler:8786
    """
    from .store import Store

    if scheduler and workers:
        raise click.UsageError("give --dask (an existing cluster) or --workers (a local one), not both")
    if scheduler or workers:
        report = _ingest_on_dask(list(inputs), db, fmt, batch_size, dictionaries, scheduler, workers, quiet)
    else:
        from .batch import ingest as run_ingest

        pipeline = _pipeline(dictionaries)
        with Store(db) as store:
            report = run_ingest(list(inputs), store, pipeline, fmt, batch_size, progress=not quiet)
    _say_failures(report.failures)
    click.echo(f"read {report.read} articles: {report.stored} stored, {report.skipped} already stored, "
               f"{report.events} events; {report.errors} failed", err=True)
    sys.exit(EXIT_SOME_FAILED if report.errors else 0)


def _ingest_on_dask(inputs, db, fmt, batch_size, dictionaries, scheduler, workers, quiet):
    from .distributed import connect, ingest, warm
    from .nlp import ModelError
    from .store import Store

    connected = False
    try:
        with connect(scheduler, workers) as client:
            connected = True
            _say_dictionaries(warm(client, dictionaries))
            with Store(db) as store:
                return ingest(inputs, store, client, fmt, batch_size, dictionaries, progress=not quiet)
    except ImportError as exc:
        raise click.ClickException(str(exc)) from exc
    except ModelError as exc:
        raise click.ClickException(f"on a Dask worker: {exc}") from exc
    except OSError as exc:
        if connected:
            raise
        where = f"reach the Dask scheduler at {scheduler}" if scheduler else "start a local Dask cluster"
        raise click.ClickException(f"cannot {where}: {exc}") from exc


@main.command()
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--source", help="Source actor: country (RUS) or CAMEO code prefix (RUSMIL).")
@click.option("--target", help="Target actor: country or CAMEO code prefix.")
@click.option("--cameo", help="CAMEO code prefix, e.g. 19 or 195.")
@click.option("--plover", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--since", help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Events on or before this date.")
@click.option("--all", "include_unreal", is_flag=True, help="Include negated and hypothetical events.")
@click.option("--limit", type=int)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def events(db, source, target, cameo, plover, since, until, include_unreal, limit, fmt):
    """Query stored events.

    \b
    Example:
      eventwire events --db news.duckdb --source RUS --target USA --since 2017-12-01
      eventwire events --db news.duckdb --plover ASSAULT --format csv > assaults.csv
    """
    from .store import Store

    with Store(db, read_only=True) as store:
        frame = store.events(source, target, cameo, plover, since, until, include_unreal, limit)
    _print_frame(frame, fmt, columns=["date", "cameo_code", "plover_event", "source_codes", "target_codes",
                                      "location_name", "modality", "evidence"])


def _print_frame(frame, fmt, columns=None) -> None:
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "jsonl":
        for line in frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso").splitlines():
            click.echo(line)
    else:
        import pandas as pd

        view = frame[columns] if columns else frame
        if "evidence" in view:
            view = view.assign(evidence=view["evidence"].str.slice(0, 70))
        with pd.option_context("display.max_rows", 500, "display.width", 200, "display.max_colwidth", 70):
            click.echo(view.to_string(index=False) if len(view) else "(no rows)")


@main.command()
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "parquet"]), required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="File (plover, gdelt) or folder (parquet).")
def export(db, fmt, out):
    """Export events as PLOVER JSONL, a GDELT 2.0-style table, or Parquet files.

    \b
    Example:
      eventwire export --db news.duckdb --format plover --out events.jsonl
      eventwire export --db news.duckdb --format parquet --out parquet/
    """
    from .store import Store
    from .store.export import EXPORTERS

    with Store(db, read_only=True) as store:
        n = EXPORTERS[fmt](store, out)
    click.echo(f"wrote {n} {'tables' if fmt == 'parquet' else 'events'} to {out}", err=True)


@main.command()
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--speaker", help="Speaker country, CAMEO code prefix or name.")
@click.option("--text", help="Words in the quote.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def quotes(db, speaker, text, fmt):
    """Query stored quotes and claims.

    \b
    Example:
      eventwire quotes --db news.duckdb --speaker RUS --text victory
    """
    from .store import Store

    with Store(db, read_only=True) as store:
        frame = store.quotes(speaker, text)
    _print_frame(frame, fmt)


@main.command()
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--examples", default=5, show_default=True, help="How many events to show with evidence.")
def summary(db, examples):
    """Summarize a store: events by CAMEO root, top dyads, a few events with evidence.

    \b
    Example:
      eventwire summary --db news.duckdb
    """
    from .store import Store
    from .summary import summarize

    with Store(db, read_only=True) as store:
        click.echo(summarize(store, examples))


@main.command()
@click.option("--db", default="eventwire.duckdb", show_default=True)
def failures(db):
    """List inputs that failed, and warnings, with reasons.

    \b
    Example:
      eventwire failures --db news.duckdb
    """
    from .store import Store

    with Store(db, read_only=True) as store:
        _print_frame(store.failures(), "table", ["severity", "origin", "reason"])


@main.command()
@click.argument("text")
@click.option("--date", "day", help="Resolve titles and people as of this date (YYYY-MM-DD).")
def actors(text, day):
    """Show every actor mention in TEXT, its resolution and the reason.

    \b
    Example:
      eventwire actors "The Iraqi oil minister met Gazprom Neft's chief in Moscow." --date 2017-12-06
    """
    from .actors.explain import explain
    from .model import Article

    pipeline = _pipeline()
    doc = pipeline.nlp(text)
    found = list(pipeline.annotate(Article(id="<text>", text=text, published=day), doc).actors)
    for line in explain(doc, found, pipeline.kb, pipeline.matcher, day) or ["(no actors)"]:
        click.echo(line)


@main.command()
def sample():
    """Print the path of the bundled sample corpus.

    \b
    Example:
      eventwire ingest "$(eventwire sample)" --db demo.duckdb
    """
    from .data_files import data_path

    click.echo(str(data_path("sample", "articles.jsonl")))


@main.command()
@click.option("--articles", "n", default=500, show_default=True, help="Articles to code (the sample, repeated).")
@click.option("--batch-size", default=32, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), help="Also write the result as JSON here.")
def bench(n, batch_size, out):
    """Throughput of the full pipeline against spaCy alone on the same texts, and peak memory.

    \b
    Example:
      eventwire bench --articles 500
    """
    from .bench import run_benchmark

    result = run_benchmark(n, batch_size)
    click.echo(result.report())
    if out:
        out.write_text(json.dumps(result.as_dict(), indent=2))


@main.command(name="train")
def train_command():
    """Retrain the event classifiers from data/training into data/models (deterministic).

    \b
    Example:
      eventwire train
    """
    from .events.training import train_models
    from .nlp import load_model

    train_models(load_model(), report=lambda line: click.echo(line, err=True))


@main.group(name="eval")
def evaluate() -> None:
    """Measure eventwire on the development sets in ../shared.

    \b
    Example:
      eventwire eval events --dataset plover-gsr
    """


@evaluate.command(name="events")
@click.option("--dataset", type=click.Choice(["plover-gsr", "cameo-examples"]), required=True)
@click.option("--shared", help="The shared data folder (default: $EVENTWIRE_SHARED or ../shared).")
def eval_events(dataset, shared):
    """Event type per class (precision, recall, F1), confusions, source and target country accuracy.

    \b
    Example:
      eventwire eval events --dataset plover-gsr
      eventwire eval events --dataset cameo-examples --shared /data/shared
    """
    from .evaluation import shared_dir
    from .evaluation.events import evaluate as run

    click.echo(run(_pipeline(), dataset, shared_dir(shared)).report())


@evaluate.command(name="actors")
@click.option("--dataset", type=click.Choice(["plover-gsr"]), default="plover-gsr", show_default=True)
@click.option("--shared", help="The shared data folder (default: $EVENTWIRE_SHARED or ../shared).")
@click.option("--errors", type=int, default=0, help="Print this many wrongly resolved actors.")
def eval_actors(dataset, shared, errors):
    """Actor resolution: country and sector accuracy of the gold source and target actors.

    \b
    Example:
      eventwire eval actors --dataset plover-gsr --errors 30
    """
    from .evaluation import shared_dir
    from .evaluation.actors import evaluate as run

    click.echo(run(_pipeline(), shared_dir(shared)).report(errors))


@evaluate.command(name="quotes")
@click.option("--dataset", type=click.Choice(["polnear-dev"]), default="polnear-dev", show_default=True)
@click.option("--shared", help="The shared data folder (default: $EVENTWIRE_SHARED or ../shared).")
@click.option("--no-baseline", is_flag=True, help="Leave out textacy's direct-quotation baseline.")
def eval_quotes(dataset, shared, no_baseline):
    """Quote attribution: precision, recall, F1 and speaker accuracy on PolNeAR, beside textacy.

    \b
    Example:
      eventwire eval quotes --dataset polnear-dev
    """
    from .evaluation import shared_dir
    from .evaluation.quotes import evaluate as run

    click.echo(run(_pipeline(), shared_dir(shared), dataset, baseline=not no_baseline).report())


@evaluate.command(name="geo")
@click.option("--dataset", type=click.Choice(["geovirus", "gwn"]), required=True)
@click.option("--shared", help="The shared data folder (default: $EVENTWIRE_SHARED or ../shared).")
@click.option("--limit", type=int, help="Only the first N articles (a quick look).")
@click.option("--errors", default=0, help="Also list a sample of this many errors.")
def eval_geo(dataset, shared, limit, errors):
    """Toponyms: recognition precision and recall; accuracy within 161 km and median error of the
    recognized ones; share of all gold toponyms within 161 km (Mordecai3's figure); recall per type.

    \b
    Example:
      eventwire eval geo --dataset geovirus
      eventwire eval geo --dataset gwn --errors 30
    """
    from .evaluation import shared_dir
    from .evaluation.geo import evaluate_geo

    result = evaluate_geo(_pipeline(), shared_dir(shared), dataset, limit=limit)
    click.echo(result.report())
    if errors:
        click.echo("\nsample of errors:\n" + result.errors(errors))


@evaluate.command(name="event-location")
@click.option("--shared", help="The shared data folder (default: $EVENTWIRE_SHARED or ../shared).")
@click.option("--limit", type=int, help="Only the first N sentences (the set has ~9,700).")
@click.option("--errors", default=0, help="Also list a sample of this many wrong sentences.")
def eval_event_location(shared, limit, errors):
    """Where events happened: accuracy of the location of the event on the gold verb, and precision
    and recall of giving an event a location at all.

    \b
    Example:
      eventwire eval event-location --limit 1000
      eventwire eval event-location --errors 30
    """
    from .evaluation import shared_dir
    from .evaluation.geo import evaluate_event_location

    result = evaluate_event_location(_pipeline(), shared_dir(shared), limit=limit)
    click.echo(result.report())
    if errors:
        click.echo("\nsample of errors:\n" + result.errors(errors))


@evaluate.command(name="time")
@click.option("--dataset", type=click.Choice(["meantime"]), default="meantime", show_default=True)
@click.option("--shared", help="The shared data folder (default: $EVENTWIRE_SHARED or ../shared).")
@click.option("--errors", default=0, help="Also list this many mismatches.")
def eval_time(dataset, shared, errors):
    """Time expressions: span precision, recall and F1; type and value accuracy on matches.

    \b
    Example:
      eventwire eval time --dataset meantime --errors 20
    """
    from .evaluation import shared_dir
    from .evaluation.time import evaluate as run

    result = run(_pipeline(), shared_dir(shared), show_errors=errors)
    click.echo(result.report())
    for line in result.errors:
        click.echo("  " + line)


if __name__ == "__main__":
    main()
