"""`healthkg` command line: ingest, export, serve, reset (plus stats)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph.backend import GraphError, GraphSettings, connect
from graph.batch_writer import MIN_BATCH_ROWS
from graph.store import GraphStore
from loaders.errors import DocumentError

EXPORT_FORMATS = ("json", "graphml", "csv")
SHUTDOWN_GRACE_S = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="healthkg", description="Knowledge graph of health-work reports.")
    parser.add_argument(
        "--graph", metavar="URL", help="graph URL (default $HEALTHKG_GRAPH_URL or 'embedded')"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="embedded graph files (default $HEALTHKG_DATA_DIR)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")

    ingest = verbs.add_parser("ingest", help="load documents (files or folders) into the graph")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument(
        "--workers", type=_positive, metavar="N", help="extraction processes at once (default: one per core)"
    )
    ingest.add_argument(
        "--batch-rows", type=_positive, default=MIN_BATCH_ROWS, metavar="N",
        help=f"write documents together once their rows reach N (default {MIN_BATCH_ROWS})",
    )  # fmt: skip
    ingest.add_argument("--quiet", action="store_true", help="no progress, only the summary")

    export = verbs.add_parser("export", help="write the whole graph")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    export.add_argument(
        "-o", "--output", type=Path, help="file (json, graphml) or folder (csv); default stdout"
    )

    serve = verbs.add_parser("serve", help="start the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--load", nargs="+", type=Path, default=[], metavar="PATH", help="ingest first")

    verbs.add_parser("reset", help="empty the graph")
    verbs.add_parser("stats", help="print node and edge counts")
    return parser


def _settings(args: argparse.Namespace) -> GraphSettings:
    return GraphSettings.from_env(args.graph, args.data_dir)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got '{value}'")
    return number


def _ingest(args: argparse.Namespace) -> int:
    from api.ingest_progress import Progress
    from api.ingest_stream import ingest_stream

    with connect(_settings(args)) as backend:
        store = GraphStore(backend)
        for file in store.sweep_incomplete():
            print(f"healthkg: removed the facts of an interrupted ingest of {file}", file=sys.stderr)
        summary = ingest_stream(
            store,
            args.paths,
            workers=args.workers,
            progress=Progress(enabled=not args.quiet),
            min_rows=args.batch_rows,
        )
    print(f"ingested {summary.describe()}")
    return 0


def _export(args: argparse.Namespace) -> int:
    with connect(_settings(args)) as backend:
        store = GraphStore(backend)
        # CSV feeds a bulk import, so it carries the bookkeeping the JSON export leaves out.
        data = store.stored_graph() if args.format == "csv" else store.export()
    if args.format == "csv":
        from graph.export_csv import write_neo4j_admin_csv

        if args.output is None:
            raise SystemExit("healthkg: --format csv writes several files; give a folder with -o DIR")
        for path in write_neo4j_admin_csv(data, args.output):
            print(path)
        return 0
    if args.format == "graphml":
        from graph.export_graphml import write_graphml

        text = write_graphml(data)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=1)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app
    from api.http_protocol import Utf8RequestLineProtocol
    from api.settings import ServiceSettings

    for path in args.load:
        if not path.exists():
            raise DocumentError(f"{path}: no such file or folder")
    settings = ServiceSettings.from_env(args.graph, args.data_dir, load_paths=args.load)
    graph = (
        settings.graph.url if settings.graph.scheme != "embedded" else f"embedded ({settings.graph.data_dir})"
    )
    print(
        f"healthkg: serving http://{args.host}:{args.port}/ (graph: {graph}; API docs at /docs)", flush=True
    )
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level="warning",
        http=Utf8RequestLineProtocol,
        # Requests still running after this are cut: shutdown never waits on one long upload.
        timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
    )
    return 0


def _reset(args: argparse.Namespace) -> int:
    with connect(_settings(args)) as backend:
        GraphStore(backend).reset()
    print("graph emptied")
    return 0


def _stats(args: argparse.Namespace) -> int:
    with connect(_settings(args)) as backend:
        print(json.dumps(GraphStore(backend).counts(), ensure_ascii=False, indent=1))
    return 0


VERBS = {"ingest": _ingest, "export": _export, "serve": _serve, "reset": _reset, "stats": _stats}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return VERBS[args.verb](args)
    except DocumentError as exc:
        print(f"healthkg: {exc}", file=sys.stderr)
        return 2
    except GraphError as exc:
        print(f"healthkg: graph error: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
