"""A best-effort guard for the grading worker, built on ``sys.addaudithook``.

Once installed (it cannot be removed) the guard refuses, by raising
``PermissionError`` in the solution's code:

- writing, creating, renaming or deleting files outside the run's sandbox,
  and changing the kata's own files inside it (its suite, the solution copy);
- network connections and name lookups (AF_INET / AF_INET6);
- starting programs (``subprocess``, ``os.system``, ``os.exec*``, spawn) and
  new interpreters (``multiprocessing``'s "spawn" and "forkserver"; its
  default becomes "fork", so a ``Pool`` runs under this guard);
- opening SQLite databases outside the sandbox (``sqlite3.connect``);
- changes through a descriptor (``os.fchmod``, ``os.ftruncate``, ...) or
  relative to a folder descriptor (``dir_fd``) that land outside the sandbox;
- signalling processes outside the worker's own process group, by pid or pidfd.

It stops accidents: a stray ``shutil.rmtree``, a test that would overwrite a
file, a solution that phones home. It does not stop a determined attacker:
code running in the interpreter can reach native code through ``ctypes`` and
bypass audit hooks entirely. The real containment is the separate process,
its resource limits and the process-group kill done by the parent.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_ALLOWED_DEVICES = frozenset({"/dev/null", "/dev/zero", "/dev/full"})
_INET = (socket.AF_INET, socket.AF_INET6)

# event name -> indexes of the path arguments (and of their dir_fd, or None)
_PATH_EVENTS: dict[str, tuple[tuple[int, int | None], ...]] = {
    "os.remove": ((0, 1),),
    "os.rmdir": ((0, 1),),
    "os.mkdir": ((0, 2),),
    "os.rename": ((0, 2), (1, 3)),
    "os.link": ((0, 2), (1, 3)),
    "os.symlink": ((1, 2),),
    "os.chmod": ((0, 2),),
    "os.chown": ((0, 3),),
    "os.utime": ((0, 3),),
    "os.truncate": ((0, None),),
    "os.chflags": ((0, None),),
    "os.lchflags": ((0, None),),
    "os.setxattr": ((0, None),),
    "os.removexattr": ((0, None),),
    "os.mknod": ((0, 2),),
    "shutil.rmtree": ((0, 1),),
    "shutil.chown": ((0, None),),
    "tempfile.mkstemp": ((0, None),),
    "tempfile.mkdtemp": ((0, None),),
}
_PROGRAM_EVENTS = frozenset({
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "os.startfile", "pty.spawn",
})
_NET_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg"})
_LOOKUP_EVENTS = frozenset({"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                            "socket.gethostbyaddr", "socket.getnameinfo"})
_LOCAL_NAMES = frozenset({None, "", "localhost", "127.0.0.1", "::1", b"localhost"})


class Guard:
    def __init__(self, root: str, protected: list[str]) -> None:
        self.root = os.path.realpath(root)
        self.protected = frozenset(os.path.realpath(p) for p in protected)
        self.group = os.getpgrp()
        self.watched = frozenset({"open", *_PATH_EVENTS, *_PROGRAM_EVENTS, *_NET_EVENTS,
                                  *_LOOKUP_EVENTS, "os.kill", "os.killpg", "sqlite3.connect"})

    # -- path checks -----------------------------------------------------
    def _resolve(self, path: Any, dir_fd: Any) -> str | None:
        if isinstance(path, int) and not isinstance(path, bool):
            # a descriptor: what it points at (a pipe or a socket has no path to check)
            try:
                target = os.readlink(f"/proc/self/fd/{path}")
            except OSError:
                return None
            return os.path.realpath(target) if os.path.isabs(target) else None
        try:
            path = os.fsdecode(os.fspath(path))
        except TypeError:
            return None
        if not os.path.isabs(path):
            if isinstance(dir_fd, int) and dir_fd >= 0:
                base = os.readlink(f"/proc/self/fd/{dir_fd}") if os.path.exists("/proc/self/fd") else os.getcwd()
            else:
                base = os.getcwd()
            path = os.path.join(base, path)
        return os.path.realpath(path)

    def _check_path(self, event: str, path: Any, dir_fd: Any = None) -> None:
        real = self._resolve(path, dir_fd)
        if real is None or real in _ALLOWED_DEVICES:
            return
        if real in self.protected:
            raise PermissionError(f"coach's sandbox refuses to change the kata's own file "
                                  f"{os.path.basename(real)} ({event})")
        if real != self.root and not real.startswith(self.root + os.sep):
            raise PermissionError(f"coach's sandbox refuses to change {real} ({event}): "
                                  "only files inside the run's temporary folder may be written")

    # -- the hook ----------------------------------------------------------
    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if event not in self.watched:
            return
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            writing = False
            if isinstance(mode, str) and mode:
                writing = any(c in mode for c in "wax+")
            if isinstance(flags, int) and flags > 0 and flags & _WRITE_FLAGS:
                writing = True
            if writing:
                self._check_path("open for writing", path)
            return
        spec = _PATH_EVENTS.get(event)
        if spec is not None:
            for index, fd_index in spec:
                if index < len(args):
                    fd = args[fd_index] if fd_index is not None and fd_index < len(args) else None
                    self._check_path(event, args[index], fd)
            return
        if event in _PROGRAM_EVENTS:
            raise PermissionError(f"coach's sandbox does not let a solution start programs ({event})")
        if event in _NET_EVENTS:
            sock = args[0]
            if getattr(sock, "family", None) in _INET:
                raise PermissionError("coach's sandbox does not allow network connections")
            return
        if event in _LOOKUP_EVENTS:
            host = args[0] if args else None
            if host not in _LOCAL_NAMES:
                raise PermissionError("coach's sandbox does not allow network name lookups")
            return
        if event in ("os.kill", "os.killpg"):
            self._check_signal(event, args)
            return
        if event == "sqlite3.connect":
            self._check_database(args[0] if args else None)

    def _check_database(self, database: Any) -> None:
        if isinstance(database, (str, bytes, os.PathLike)):
            name = os.fsdecode(os.fspath(database))
            if name in ("", ":memory:") or name.startswith("file::memory:") or "mode=memory" in name:
                return
            if name.startswith("file:"):
                from urllib.parse import unquote, urlsplit

                name = unquote(urlsplit(name).path)
            self._check_path("sqlite3.connect", name)

    def _check_signal(self, event: str, args: tuple[Any, ...]) -> None:
        target = args[0]
        if event == "os.killpg":
            if target != self.group:
                raise PermissionError("coach's sandbox refuses to signal other process groups")
            return
        if target in (0, os.getpid(), -self.group):
            return
        if target == -1 and event == "os.kill" and len(args) > 1:
            raise PermissionError("coach's sandbox refuses to signal processes outside the run")
        try:
            if target > 0 and os.getpgid(target) == self.group:
                return
        except OSError:
            return  # no such process: let os.kill report it
        raise PermissionError("coach's sandbox refuses to signal processes outside the run")


def _refuse(what: str) -> Any:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(f"coach's sandbox does not let a solution start {what}")

    return refused


def _wrap_calls(guard: Guard) -> None:
    """Calls no audit event sees: guard them in place (best effort, like the rest)."""
    real_open = os.open

    def guarded_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if dir_fd is not None and flags & _WRITE_FLAGS:
            guard._check_path("os.open", path, dir_fd)
        return real_open(path, flags, mode, dir_fd=dir_fd)

    os.open = guarded_open
    posix = sys.modules.get("posix")
    if posix is not None:
        posix.open = guarded_open  # type: ignore[attr-defined]

    import signal

    real_send = getattr(signal, "pidfd_send_signal", None)
    if real_send is not None:
        def guarded_send(pidfd: int, sig: int, *args: Any) -> None:
            guard._check_signal("os.kill", (_pid_of_pidfd(pidfd), sig))
            real_send(pidfd, sig, *args)

        signal.pidfd_send_signal = guarded_send

    posixsubprocess = sys.modules.get("_posixsubprocess")
    if posixsubprocess is not None:
        posixsubprocess.fork_exec = _refuse("programs (fork_exec)")  # type: ignore[attr-defined]
    util = sys.modules.get("multiprocessing.util")
    if util is not None:
        util.spawnv_passfds = _refuse(  # type: ignore[attr-defined]
            "new interpreters (multiprocessing's spawn or forkserver); the default 'fork' works")
        import multiprocessing

        try:
            multiprocessing.set_start_method("fork", force=True)
        except (ValueError, RuntimeError):
            pass


def _pid_of_pidfd(pidfd: int) -> int:
    try:
        with open(f"/proc/self/fdinfo/{pidfd}", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return -1  # unknown: refused below


def install(root: str, protected: list[str]) -> Guard:
    guard = Guard(root, protected)
    _wrap_calls(guard)
    sys.addaudithook(guard)
    return guard
