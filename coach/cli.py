"""The ``coach`` command line: argparse front door, lazy imports behind it.

Only the TUI commands import Textual; ``--help``, ``--version``, ``list``,
``validate``, ``check``, ``answer``, ``plan``, ``stats`` and ``mock --history/--export``
stay terminal-free and start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from coach import __version__, paths
from coach.errors import USAGE, CoachError

# Patterns the help gives as examples of --pattern: bundled katas train them (a test checks, so the
# help never offers a filter that finds nothing). Loading the katas to pick some would slow every command.
PATTERN_EXAMPLES = "'sliding window' or 'hash map'"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CoachError(f"{self.prog}: {message} (see '{self.prog} --help')", USAGE)


def _say(message: str) -> None:
    """One line on stderr, always starting with the program's name."""
    print(message if message.startswith("coach") else f"coach: {message}", file=sys.stderr)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
    return value


def _mock_minutes(text: str) -> int:
    """--minutes of a mock: checked here so the first complaint names the real range."""
    from coach.practice.mock.plan import MAX_MINUTES, MIN_MINUTES

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of minutes, got '{text}'") from None
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(f"a mock lasts {MIN_MINUTES} to {MAX_MINUTES} minutes, not {value}")
    return value


def _count_per_day(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if not 0 <= value <= 9999:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 9999, got {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got '{text}'") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="coach",
        description="A terminal interview coach for Python and FastAPI roles. "
        "Run without a command to open the home screen.",
        epilog=f"Your progress (coach.db), drafts and own content live in {paths.describe_data_dir()}.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    rapid = sub.add_parser("rapid", help="drill questions with spaced repetition",
                           description="Rapid-fire drilling: due cards first, then new ones.")
    rapid.add_argument("--topic", help="only these decks: a topic id, a deck name, or a prefix several "
                       "decks share ('fastapi' drills every FastAPI deck; see 'coach list questions')")
    rapid.add_argument("--level", choices=("basic", "intermediate", "advanced", "design"),
                       help="only questions of this level")
    rapid.add_argument("--tag", help="only questions with this tag")
    rapid.add_argument("--count", type=_positive_int, metavar="N", help="stop after N cards")
    rapid.add_argument("--cram", action="store_true", help="ignore the schedule and drill everything")
    rapid.add_argument("--timer", type=_positive_float, metavar="SECONDS",
                       help="reveal the answer when the countdown runs out")
    rapid.add_argument("--new", type=_count_per_day, metavar="N", dest="new_per_day",
                       help="allow N new cards today, for this session only (the setting, 20 unless "
                       "changed in the command palette, stays as it is; 0: reviews only)")
    rapid.add_argument("--unsuspend", nargs="?", const="", metavar="ID",
                       help="bring back a suspended card (ID, or 'all'); without ID, list the suspended cards")

    kata = sub.add_parser("kata", help="open the kata list, or one kata in the workbench",
                          description="Open the kata list, or a kata by name or folder path.")
    kata.add_argument("name", nargs="?", metavar="NAME", help="a kata name or a kata folder")
    kata.add_argument("--pattern", metavar="P",
                      help="open the kata list showing only katas that train pattern P, such as "
                      f"{PATTERN_EXAMPLES} (any case; 'coach list katas' shows each kata's patterns)")

    lst = sub.add_parser("list", help="list katas or questions",
                         description="List the katas or questions coach knows.")
    lst.add_argument("what", choices=("katas", "questions"), help="what to list")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    lst.add_argument("--pattern", metavar="P",
                     help=f"katas only: those that train pattern P, such as {PATTERN_EXAMPLES}")

    val = sub.add_parser("validate", help="check content files for problems",
                         description="Validate the bundled content and yours, or the content at PATH. "
                         "Exits 1 when a problem is found.")
    val.add_argument("path", nargs="?", metavar="PATH", help="a deck file, a kata folder, or a folder of them")
    val.add_argument("--no-grade", action="store_true",
                     help="check files only; do not grade starters and reference solutions")

    chk = sub.add_parser("check", help="grade a solution against a kata's tests",
                         description="Run SOLUTION against KATA's test suite in a sandbox. "
                         "Exits 0 when every test passed, 1 otherwise.")
    chk.add_argument("kata", metavar="KATA", help="a kata name or a kata folder")
    chk.add_argument("solution", metavar="SOLUTION", help="the Python file to grade")
    chk.add_argument("--json", action="store_true",
                     help="print the result in the Exercism test-runner format (version 3)")

    ans = sub.add_parser("answer", help="score a typed answer to a card (read on standard input)",
                         description="Read an answer on standard input and print the key ideas it hit and "
                         "missed and the suggested rating, as the rapid-fire screen scores it.")
    ans.add_argument("card", metavar="CARD_ID", help="a question id (see 'coach list questions')")
    ans.add_argument("--deck", metavar="PATH", help="find the card in this deck file or folder instead")
    ans.add_argument("--json", action="store_true",
                     help='print {"card", "suggested": 1-4, "hits": [...], "misses": [...], ...}')

    mock = sub.add_parser("mock", help="a timed mock interview with a scorecard",
                          description="A mock interview in four timed rounds: warm-up questions answered by "
                          "typing, deeper questions with a follow-up, a kata in the workbench, and a self-review; "
                          "then a scorecard. --history and --export read past mocks without the TUI.")
    mock.add_argument("--minutes", type=_mock_minutes, default=45, metavar="M",
                      help="how long the whole mock lasts, 15 to 180 (default 45)")
    mock.add_argument("--track", choices=("python", "fastapi", "mixed"), default="mixed",
                      help="which questions and katas (default mixed)")
    mock.add_argument("--level", choices=("easy", "medium", "hard"), default="medium",
                      help="the kata's difficulty; the questions follow it (default medium)")
    mock.add_argument("--seed", type=int, metavar="S",
                      help="choose the questions and kata from this seed: the same seed, the same mock")
    mock.add_argument("--history", action="store_true", help="list past mocks: date, track, scores, duration")
    mock.add_argument("--json", action="store_true", help="with --history: print JSON")
    mock.add_argument("--export", metavar="FILE", help="write the latest mock's scorecard as Markdown "
                      "(questions, your answers, model answers, code); - for standard output")
    mock.add_argument("--id", type=_positive_int, metavar="N", help="with --export: mock N (see --history)")

    stats = sub.add_parser("stats", help="show your progress",
                           description="Show progress without the TUI, and where it is kept.")
    stats.add_argument("--json", action="store_true", help="print JSON")

    opt = sub.add_parser("optimize", help="fit your own FSRS scheduling parameters to your reviews",
                         description="Fit FSRS parameters to your review history (fsrs-rs, no torch) and "
                         "show how well the default and the fitted parameters predict it (log-loss, lower is "
                         "better). The fitted ones are saved and used from then on when they predict better.")
    opt.add_argument("--reset", action="store_true", help="go back to the default parameters")

    pln = sub.add_parser("plan", help="today's practice within a time budget",
                         description="Today's plan: the due cards, one kata and new cards within "
                         "--minutes, and the weakest topic with the reason. Start it from the home screen.")
    pln.add_argument("--minutes", type=_positive_int, default=30, metavar="N",
                     help="the time budget in minutes (default 30)")
    pln.add_argument("--json", action="store_true",
                     help='print {"minutes": N, "items": [{"kind": "cards"|"focus"|"kata", "minutes": x, ...}]}')

    exp = sub.add_parser("export", help="write all progress to a JSON file, or the cards to an Anki deck",
                         description="Write every review, schedule, attempt and draft to FILE, or with "
                         "--anki the question cards to an Anki package (.apkg). The file is written beside "
                         "its target and renamed into place, so an interrupted export leaves it as it was.")
    exp.add_argument("file", nargs="?", metavar="FILE", help="where to write (use - for standard output)")
    exp.add_argument("--anki", metavar="FILE.apkg", help="write the question cards as an Anki package")
    exp.add_argument("--topic", help="with --anki: only cards of this topic")
    exp.add_argument("--level", choices=("basic", "intermediate", "advanced", "design"),
                     help="with --anki: only cards of this level")
    exp.add_argument("--force", action="store_true",
                     help="replace FILE even if it is a symbolic link, a device, a pipe or a socket")

    imp = sub.add_parser("import", help="import progress (a .json file) or Exercism exercises (a folder)",
                         description="Import a progress file written by 'coach export', or an Exercism "
                         "exercise folder (or a folder of them) as katas.")
    imp.add_argument("path", metavar="PATH", help="a progress .json file, or an exercise folder")

    srv = sub.add_parser("serve", help="serve the app to a web browser",
                         description="Serve coach to a web browser (textual-serve): every tab runs its "
                         "own coach. Listens on loopback unless --host says otherwise.")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port to listen on, 0 for any free one (default 8000)")
    srv.add_argument("--open", action="store_true", help="open the page in the default browser")
    return parser


def _run(args: argparse.Namespace) -> int:
    command = args.command
    paths.check_data_dir(write=command == "import")
    if command in (None, "rapid", "kata"):
        from coach.commands.tui import run_tui

        return run_tui(args)
    if command == "list":
        from coach.commands.listing import run_list

        return run_list(args)
    if command == "validate":
        from coach.commands.validate import run_validate

        return run_validate(args)
    if command == "check":
        from coach.commands.check import run_check

        return run_check(args)
    if command == "answer":
        from coach.commands.answer import run_answer

        return run_answer(args)
    if command == "mock":
        from coach.commands.mock import run_mock

        return run_mock(args)
    if command == "optimize":
        from coach.commands.optimize import run_optimize

        return run_optimize(args)
    if command == "plan":
        from coach.commands.plan import run_plan

        return run_plan(args)
    if command == "serve":
        from coach.commands.serve import run_serve

        return run_serve(args)
    if command in ("stats", "export", "import"):
        from coach.commands import progress

        return getattr(progress, f"run_{command}")(args)
    raise CoachError(f"unknown command '{command}'")


def _subparser(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """The parser of ``command`` (the top one when there is none)."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    debug = bool(os.environ.get("COACH_DEBUG"))
    try:
        parser = build_parser()
        args, extra = parser.parse_known_args(argv)
        if extra:  # named by the command they were given to: 'coach stats --bogus' points at its help
            _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(extra)}")
        return _run(args)
    except CoachError as exc:
        _say(exc.message)
        return exc.code
    except KeyboardInterrupt:
        print("coach: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # disk full, permission, read-only: the user can fix these
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"{where}{exc.strerror or exc}")
        return USAGE
    except Exception as exc:  # the promise: never a traceback unless asked
        if debug:
            raise
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is not None and isinstance(exc, sqlite3.Error):  # a read that met a lock, a full disk...
            from coach.practice.faults import store_error
            from coach.practice.store import default_path

            _say(store_error(exc, default_path()).message)
            return USAGE
        print(f"coach: internal error: {type(exc).__name__}: {exc} "
              "(run with COACH_DEBUG=1 to see the traceback)", file=sys.stderr)
        return 1
