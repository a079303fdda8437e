"""``coach``, ``coach rapid`` and ``coach kata``: check arguments, then open the TUI."""

from __future__ import annotations

import argparse
import signal
import sys

from coach.errors import USAGE, CoachError


def _needs_terminal() -> None:
    from coach.tui.web import in_browser

    if in_browser():
        # A tab of 'coach serve': the terminal is the browser's, reached through pipes.
        # Ctrl+C in the server's terminal reaches this process too; the server stops it.
        signal.signal(signal.SIGINT, lambda signum, frame: None)  # not SIG_IGN: children inherit that
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CoachError("the TUI needs a terminal (stdin and stdout must be a TTY); "
                         "without one, try 'coach list', 'coach check' or 'coach stats'")


def run_tui(args: argparse.Namespace) -> int:
    options: dict = {}
    if args.command in ("kata", "rapid"):
        from coach.content.library import load_library, resolve_kata, unknown

        library = options["library"] = load_library()  # the arguments are checked against it
    if args.command == "kata":
        options["mode"] = "kata"
        if args.name and args.pattern is not None:
            raise CoachError("give a kata NAME or --pattern, not both", USAGE)
        if args.name:
            options["kata"] = resolve_kata(args.name, library)
        elif args.pattern is not None:
            from coach.commands.listing import pattern_filter

            options["pattern"] = pattern_filter(args.pattern, library, need_katas=True)  # the kata list opens filtered
    elif args.command == "rapid":
        topics: list[str] = []
        if args.topic:
            topics = library.match_topics(args.topic)
            if not topics:
                raise CoachError(unknown("topic", args.topic, library.topics()))
        if args.unsuspend is not None:  # no session: list or unsuspend, then exit
            from coach.commands.progress import open_store
            from coach.commands.suspended import run_unsuspend

            with open_store(write=bool(args.unsuspend)) as store:
                return run_unsuspend(args.unsuspend, library, store)
        tags = sorted({t for q in library.questions for t in q.tags})
        if args.tag and args.tag not in tags:
            raise CoachError(unknown("tag", args.tag, tags))
        options.update(mode="rapid", topic=args.topic, topics=tuple(topics), level=args.level, tag=args.tag,
                       count=args.count, cram=args.cram, timer=args.timer, new_per_day=args.new_per_day)
    else:
        options["mode"] = "home"
    _needs_terminal()
    from coach.tui.app import make_app

    app = make_app(**options)
    app.run()
    unsaved: list[str] = app.unsaved
    if unsaved:
        print(f"coach: warning: not saved: {', '.join(unsaved)}", file=sys.stderr)
    return app.return_code or 0
