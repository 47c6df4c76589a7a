#!/usr/bin/env python3
"""Run benchmark groups and print ``name: value unit`` figures.

    python bench/run.py core --small
    python bench/run.py core mail pages
    python bench/run.py all --peer
    python bench/run.py --peer              # the django-helpdesk peer alone

A group is a module ``bench/groups/<name>.py`` with ``def run(small: bool) -> None``.
Each group starts on a freshly migrated database. Figures go to stdout and to
``bench/results/<stamp>/figures.txt``; groups may write more files next to it
(``common.results_dir()``). See bench/README.md.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_DB_URL = "postgres://postgres@127.0.0.1:5432/triagedesk_bench"
FIGURE = re.compile(r"^([A-Za-z0-9_]+):\s+(-?[0-9.eE+]+|nan)\s*(.*)$")

# Run under the project's venv when started with a python that lacks Django.
try:
    import django  # noqa: F401
except ImportError:
    venv_python = REPO / ".venv" / "bin" / "python"
    if venv_python.exists() and Path(sys.executable).resolve() != venv_python.resolve():
        os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])
    raise

for path in (str(REPO / "src"), str(REPO)):
    if path not in sys.path:
        sys.path.insert(0, path)


class Tee:
    """stdout that also appends figure lines to figures.txt and remembers them."""

    def __init__(self, stream, path: Path) -> None:
        self.stream, self.path = stream, path
        self.figures: dict[str, tuple[float, str]] = {}
        self._pending = ""

    def write(self, text: str) -> int:
        self.stream.write(text)
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        if lines:
            with self.path.open("a", encoding="utf-8") as out:
                for line in lines:
                    m = FIGURE.match(line.strip())
                    if m:
                        out.write(line.strip() + "\n")
                        self.figures[m.group(1)] = (float(m.group(2)), m.group(3).strip())
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name):
        return getattr(self.stream, name)


def python_loop_ms() -> float:
    """Best of 3 of a fixed pure-Python loop (10**6 additions): lower means a faster CPU right now."""
    best = float("inf")
    for _ in range(3):
        start, total = time.perf_counter(), 0
        for i in range(1_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def discover_groups() -> list[str]:
    return sorted(p.stem for p in (BENCH / "groups").glob("*.py") if not p.stem.startswith("_"))


# --- databases -----------------------------------------------------------------

class Database:
    """Drop, create and clone the benchmark database (PostgreSQL), or reset an SQLite file."""

    def __init__(self, url: str) -> None:
        import dj_database_url

        self.url = url
        self.config = dj_database_url.parse(url)
        self.postgres = self.config["ENGINE"].endswith("postgresql")
        self.name = self.config["NAME"]
        self.template = f"{self.name}__tpl"

    def _admin(self):
        import psycopg

        c = self.config
        return psycopg.connect(dbname="postgres", host=c.get("HOST") or None, port=c.get("PORT") or None,
                               user=c.get("USER") or None, password=c.get("PASSWORD") or None, autocommit=True)

    def recreate(self, *, template: str | None = None) -> None:
        if not self.postgres:
            for suffix in ("", "-wal", "-shm"):
                Path(self.name + suffix).unlink(missing_ok=True)
            return
        from psycopg import sql

        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name)))
            if template:
                conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(self.name), sql.Identifier(template)))
            else:
                conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(self.name)))

    def save_template(self) -> None:
        """Keep a copy of the freshly migrated database, so each group starts from it in a second."""
        if not self.postgres:
            return
        from psycopg import sql

        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.template)))
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(self.template), sql.Identifier(self.name)))

    def drop_template(self) -> None:
        if not self.postgres:
            return
        from psycopg import sql

        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.template)))


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def reset_process_caches() -> None:
    """Per-process caches keyed by row ids must not survive a database reset."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    from triagedesk.sla import policy

    policy.clear_cache()
    from triagedesk.core.rows import clear_id_pools

    clear_id_pools()  # ids taken from the sequences of the database just dropped
    from triagedesk.triage import services as triage_services

    triage_services._clear()


def fresh_state(db: Database, first: bool) -> None:
    from django.db import connections

    if first:
        return
    connections.close_all()
    if db.postgres:
        db.recreate(template=db.template)
    else:
        db.recreate()
        migrate()
    reset_process_caches()


# --- main ------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("groups", nargs="*", help=f"groups to run, or 'all' ({', '.join(discover_groups())})")
    ap.add_argument("--small", action="store_true", help="small data sets, for a quick check")
    ap.add_argument("--db-url", default=os.environ.get("TRIAGEDESK_BENCH_DB_URL", DEFAULT_DB_URL),
                    help=f"database to DROP and re-create (default {DEFAULT_DB_URL})")
    ap.add_argument("--peer", action="store_true", help="also run the django-helpdesk peer (bench/peer.py)")
    ap.add_argument("--results", default=str(BENCH / "results"), help="parent directory of the run's results")
    args = ap.parse_args(argv)

    names: list[str] = []
    for name in args.groups:
        if name == "all":
            names += [g for g in discover_groups() if g not in names]
        elif name == "peer":
            args.peer = True
        elif name not in names:
            names.append(name)
    unknown = [n for n in names if not (BENCH / "groups" / f"{n}.py").exists()]
    if unknown:
        ap.error(f"unknown group(s) {', '.join(unknown)}; found: {', '.join(discover_groups())}")
    if not names and not args.peer:
        ap.error("name at least one group, 'all', or --peer")

    stamp = time.strftime("%Y%m%d-%H%M%S")
    out_dir = Path(args.results) / stamp
    out_dir.mkdir(parents=True, exist_ok=True)
    figures_path = out_dir / "figures.txt"
    figures_path.write_text(f"# triagedesk bench {stamp} groups={','.join(names) or '-'} small={args.small} "
                            f"peer={args.peer} cpus={os.cpu_count()} loadavg={os.getloadavg()[0]:.2f}\n")
    tee = Tee(sys.stdout, figures_path)
    sys.stdout = tee

    data_dir = tempfile.mkdtemp(prefix="triagedesk-bench-data-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "triagedesk.settings"
    os.environ["DATABASE_URL"] = args.db_url
    os.environ["TRIAGEDESK_DATA_DIR"] = data_dir
    os.environ["TRIAGEDESK_BENCH_RESULTS"] = str(out_dir)
    os.environ["TRIAGEDESK_BENCH_SMALL"] = "1" if args.small else "0"

    from bench.common import note

    failed: list[str] = []
    started = time.time()
    # This VM's CPU speed varies by tens of percent over minutes: print a yardstick with the figures.
    print(f"bench_python_loop: {python_loop_ms():.1f} ms", flush=True)
    try:
        if names:
            db = Database(args.db_url)
            note(f"results -> {out_dir}; database {db.name} ({'PostgreSQL' if db.postgres else 'SQLite'}) "
                 f"is dropped and re-created")
            db.recreate()
            import django

            django.setup()
            t0 = time.perf_counter()
            migrate()
            note(f"migrated in {time.perf_counter() - t0:.1f}s")
            if len(names) > 1:
                from django.db import connections

                connections.close_all()
                db.save_template()
            try:
                for i, name in enumerate(names):
                    fresh_state(db, first=i == 0)
                    note(f"group {name} (small={args.small})")
                    t0 = time.perf_counter()
                    try:
                        module = importlib.import_module(f"bench.groups.{name}")
                        module.run(small=args.small)
                    except Exception:
                        failed.append(name)
                        traceback.print_exc()
                        note(f"group {name} FAILED")
                    note(f"group {name} took {time.perf_counter() - t0:.1f}s")
            finally:
                from django.db import connections

                connections.close_all()
                if len(names) > 1:
                    db.drop_template()
        if args.peer:
            from bench.peer import run_peer

            try:
                run_peer(small=args.small, results=out_dir / "peer", ours=tee.figures)
            except Exception:
                failed.append("peer")
                traceback.print_exc()
    finally:
        sys.stdout = tee.stream
    print(f"bench_python_loop_end: {python_loop_ms():.1f} ms", file=tee, flush=True)
    note(f"done in {time.time() - started:.0f}s; figures in {figures_path}")
    if failed:
        note(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
