#!/usr/bin/env python3
"""Writes the seed corpus of the historyfile fuzz target: tick history files (SQLite) as
quotecast writes them and as they may turn up corrupt or foreign, small (512-byte pages).
Deterministic; run from anywhere: tests/fuzz/make-history-seeds.py. An input is the database,
then optionally its write-ahead log and its lock file, each after PART (fuzz_historyfile.cpp)."""
import os
import shutil
import sqlite3
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'corpus', 'historyfile')
PART = b'\n--quotecast-fuzz-part--\n'
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1

# As TickStore creates them (src/history/tickstore.cpp).
SCHEMA = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE ticks (seq INTEGER PRIMARY KEY, symbol TEXT NOT NULL, "
    "price_cents INTEGER NOT NULL, change_cents INTEGER NOT NULL, ts INTEGER NOT NULL)",
    "CREATE INDEX ticks_by_time ON ticks (ts)",
    "CREATE INDEX ticks_by_symbol ON ticks (symbol, seq)",
]
# The market's symbol list, since quotecast remembers it (a history from before has none).
SYMBOLS = ("CREATE TABLE symbols (position INTEGER PRIMARY KEY, symbol TEXT NOT NULL, "
           "price_cents INTEGER NOT NULL)")
# ms: in 2096, so that the retention (ticks older than 30 days are deleted on open, but the
# newest) keeps them; `ancient` seeds have ticks it deletes.
NOW = 4_000_000_000_000


def ticks(count, start=1):
    symbols = ['AAPL', 'GOOG', 'MSFT', 'AMZN']
    price = {s: 10_000 + 1_000 * i for i, s in enumerate(symbols)}
    rows = []
    for seq in range(start, start + count):
        symbol = symbols[seq % len(symbols)]
        change = (seq * 7) % 11 - 5
        price[symbol] += change
        rows.append((seq, symbol, price[symbol], change, NOW + seq * 250))
    return rows


def database(name, statements=(), rows=(), history_id='lz3k9a1b', schema=SCHEMA, wal=False,
             keep_wal=False, lock=None):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, 'history.sqlite')
    db = sqlite3.connect(path, isolation_level=None)
    db.execute('PRAGMA page_size=512')
    db.execute('PRAGMA journal_mode=' + ('WAL' if wal else 'DELETE'))
    for statement in schema:
        db.execute(statement)
    if history_id is not None:
        db.execute("INSERT INTO meta VALUES ('history_id', ?)", (history_id,))
    if rows:
        db.execute('BEGIN')
        db.executemany('INSERT INTO ticks VALUES (?, ?, ?, ?, ?)', rows)
        db.execute('COMMIT')
    for statement in statements:
        db.execute(statement)
    parts = []
    if keep_wal:  # the file and its log as a crash leaves them: the ticks only in the log
        db.execute('PRAGMA wal_autocheckpoint=0')
        db.execute('BEGIN')
        db.executemany('INSERT INTO ticks VALUES (?, ?, ?, ?, ?)', ticks(5, start=1000))
        db.execute('COMMIT')
        parts = [open(path, 'rb').read(), open(path + '-wal', 'rb').read()]
        db.close()
    else:
        db.close()
        parts = [open(path, 'rb').read()]
    if lock is not None:
        parts += [b''] * (2 - len(parts)) + [lock]
    with open(os.path.join(OUT, name), 'wb') as out:
        out.write(PART.join(parts))
    shutil.rmtree(folder)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))
    with open(os.path.join(OUT, 'empty-file'), 'wb'):
        pass  # a new history
    with open(os.path.join(OUT, 'not-a-database'), 'wb') as out:
        out.write(b'seq,time,symbol,price,change\n1,2026-11-30T08:00:00.000Z,AAPL,170.00,0.00\n')
    database('quotecast', rows=ticks(40), wal=True)
    database('no-ticks-yet')
    database('crash-with-wal', rows=ticks(10), wal=True, keep_wal=True)
    database('stale-lock', rows=ticks(3), lock=b'2147483646\nquotecast\nnowhere\n')
    database('garbage-lock', rows=ticks(3), lock=b'\xff\xfe-1\n\n')
    database('extreme-numbers', rows=[
        (1, 'AAPL', INT64_MAX, INT64_MAX, INT64_MAX),
        (2, 'GOOG', INT64_MIN, INT64_MIN, INT64_MIN),
        (3, 'MSFT', 0, 0, INT64_MAX - 1),
        (4, 'AMZN', -1, -2, NOW),
        (5, 'AAPL', 1, INT64_MIN, NOW),
    ])
    database('extreme-latest', rows=[
        (1, 'AAPL', INT64_MAX, 1, NOW), (2, 'GOOG', INT64_MIN, INT64_MIN, NOW),
        (3, 'MSFT', 0, INT64_MAX, NOW), (4, 'AMZN', -100, -3, NOW),
    ])
    database('ancient', rows=[(seq, 'AAPL', 100, 0, ts) for seq, ts in
                              [(1, 0), (2, -1), (3, INT64_MIN), (4, 1_000_000_000_000)]])
    database('extreme-seqs', rows=[
        (-5, 'AAPL', 100, 0, NOW), (0, 'GOOG', 100, 0, NOW),
        (INT64_MAX, 'MSFT', 100, 0, NOW),
    ])
    database('odd-symbols', rows=[
        (1, '', 100, 0, NOW), (2, 'aapl', 100, 0, NOW), (3, 'X' * 300, 100, 0, NOW),
        (4, 'É\u2028\n"\\', 100, 0, NOW), (5, 'AAPL\0GOOG', 100, 0, NOW),
    ])
    database('remembered-symbols', schema=SCHEMA + [SYMBOLS], rows=ticks(20), statements=[
        "INSERT INTO symbols VALUES (0, 'MSFT', 25000), (1, 'NFLX', 60000), (2, 'AAPL', 17000)"])
    database('odd-remembered-symbols', schema=SCHEMA + [SYMBOLS], rows=ticks(8), statements=[
        "INSERT INTO symbols VALUES (0, 'aapl', 1), (1, '1X', 100), (2, 'AAPL', 0), "
        "(3, 'AAPL', 9007199254740993), (4, 'GOOG', 'cheap'), (5, 'GOOG', 100), (6, 'GOOG', 200), "
        f"(7, 'MSFT', {INT64_MAX}), (8, 'AMZN', {INT64_MIN}), (9, '', 5)"])
    database('loose-symbols', schema=SCHEMA + ["CREATE TABLE symbols (position, symbol, price_cents)"],
             rows=ticks(3), statements=[
        "INSERT INTO symbols VALUES (0, NULL, NULL), (1, x'00ff', 1.5), ('a', 'AAPL', '170'), "
        "(-1, 'GOOG', 1e300), (2.5, 42, -0.0)"])
    database('symbols-without-columns', schema=SCHEMA + ["CREATE TABLE symbols (name TEXT)"],
             rows=ticks(3))
    database('odd-history-id', rows=ticks(3), history_id='lz3k\n9a1b\r\0-')
    database('empty-history-id', rows=ticks(3), history_id='')
    database('no-history-id', rows=ticks(3), history_id=None)
    # Another schema: no type or NOT NULL to hold the values to quotecast's.
    loose = ["CREATE TABLE meta (key, value)",
             "CREATE TABLE ticks (seq INTEGER PRIMARY KEY, symbol, price_cents, change_cents, ts)"]
    database('loose-types', schema=loose, rows=[
        (1, 'AAPL', 'abc', 1.5, '2026-11-30'), (2, None, None, None, None),
        (3, b'\x00\xff', 1.5e300, -1e300, -0.0), (4, 42, '170.5', b'', 2**62),
    ])
    database('foreign', schema=["CREATE TABLE meta (id INTEGER PRIMARY KEY)",
                                "CREATE TABLE people (name TEXT)"], history_id=None)
    database('ticks-without-columns', history_id=None,
             schema=["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                     "CREATE TABLE ticks (seq INTEGER PRIMARY KEY, symbol TEXT)"])
    database('view-not-table', history_id=None,
             schema=["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                     "CREATE VIEW ticks AS SELECT 1 AS seq, 'AAPL' AS symbol, 1 AS price_cents, "
                     "0 AS change_cents, 0 AS ts"])


if __name__ == '__main__':
    main()
