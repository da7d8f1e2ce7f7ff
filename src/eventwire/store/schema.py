"""The DuckDB tables. One row per article, event, actor mention, place, time and quote."""

TABLES = {
    "articles": """
        id VARCHAR PRIMARY KEY, text_hash VARCHAR NOT NULL, title VARCHAR, published VARCHAR,
        published_date DATE, url VARCHAR, source VARCHAR, origin VARCHAR, text VARCHAR,
        n_events INTEGER, ingested_at TIMESTAMP""",
    "events": """
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, sentence INTEGER, span_start INTEGER,
        span_end INTEGER, evidence VARCHAR, trigger VARCHAR, cameo_code VARCHAR, cameo_root VARCHAR,
        goldstein DOUBLE, quad_class INTEGER, plover_event VARCHAR, plover_mode VARCHAR,
        plover_context VARCHAR[], acled_event_type VARCHAR, acled_sub_event_type VARCHAR,
        date_value VARCHAR, date_precision VARCHAR, date_basis VARCHAR, event_date DATE,
        location_text VARCHAR, location_name VARCHAR, location_geonameid BIGINT, location_lat DOUBLE,
        location_lon DOUBLE, location_country VARCHAR, location_admin1 VARCHAR,
        location_feature_code VARCHAR, location_precision VARCHAR, modality VARCHAR,
        claimant_name VARCHAR, claimant_country VARCHAR, claimant_code VARCHAR, dead INTEGER,
        injured INTEGER, arrested INTEGER, confidence DOUBLE, source_names VARCHAR[],
        source_countries VARCHAR[], source_codes VARCHAR[], target_names VARCHAR[],
        target_countries VARCHAR[], target_codes VARCHAR[]""",
    "event_actors": """
        event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, role VARCHAR, position INTEGER, text VARCHAR,
        span_start INTEGER, span_end INTEGER, name VARCHAR, actor_id VARCHAR, country VARCHAR,
        sector VARCHAR, code VARCHAR, plover_sector VARCHAR""",
    "actors": """
        article_id VARCHAR NOT NULL, position INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER,
        name VARCHAR, actor_id VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR,
        plover_sector VARCHAR""",
    "places": """
        article_id VARCHAR NOT NULL, position INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER,
        name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR,
        feature_code VARCHAR, precision VARCHAR""",
    "times": """
        article_id VARCHAR NOT NULL, position INTEGER, text VARCHAR, span_start INTEGER, span_end INTEGER,
        type VARCHAR, value VARCHAR""",
    "quotes": """
        article_id VARCHAR NOT NULL, position INTEGER, speaker_text VARCHAR, speaker_name VARCHAR,
        speaker_id VARCHAR, speaker_country VARCHAR, speaker_code VARCHAR, cue_text VARCHAR,
        cue_start INTEGER, cue_end INTEGER, content VARCHAR, content_start INTEGER, content_end INTEGER,
        direct BOOLEAN, via VARCHAR[]""",
    "failures": """
        key VARCHAR PRIMARY KEY, origin VARCHAR, article_id VARCHAR, stage VARCHAR, severity VARCHAR,
        reason VARCHAR, recorded_at TIMESTAMP""",
}

# Columns added after a table first shipped: a file written by an older version gains them.
ADDED_COLUMNS = [
    ("event_actors", "plover_sector VARCHAR"),
    ("actors", "plover_sector VARCHAR"),
]

INDEXES = [
    "CREATE UNIQUE INDEX IF NOT EXISTS articles_text_hash ON articles (text_hash)",
]


def create_tables(con) -> None:
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for name, column in ADDED_COLUMNS:
        con.execute(f"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {column}")
    for statement in INDEXES:
        con.execute(statement)

