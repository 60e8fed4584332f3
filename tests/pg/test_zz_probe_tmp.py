import time
import sys
sys.path.insert(0, "/work/main/tests/pg")
from conftest import _admin, _url_of
from app.db.engine import Database

def test_probe(postgres_url, pg_template):
    for strategy in ("WAL_LOG", "FILE_COPY"):
        t = time.perf_counter()
        _admin(postgres_url, f"CREATE DATABASE p_{strategy.lower()} TEMPLATE {pg_template} STRATEGY {strategy}")
        t1 = time.perf_counter()
        db = Database(_url_of(postgres_url, f"p_{strategy.lower()}"))
        t2 = time.perf_counter()
        db.dispose()
        _admin(postgres_url, f"DROP DATABASE p_{strategy.lower()} WITH (FORCE)")
        t3 = time.perf_counter()
        print(strategy, t1 - t, t2 - t1, t3 - t2)
