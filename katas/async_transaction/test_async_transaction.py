"""Tests for transaction(). Each test runs its own event loop with asyncio.run."""

import asyncio
import warnings

import pytest

from async_transaction import transaction

pytestmark = pytest.mark.timeout(2)


class Connection:
    """A fake async connection that logs what was awaited, in order."""

    def __init__(self, fail_on=None):
        self.log = []
        self.fail_on = fail_on

    async def _step(self, name):
        await asyncio.sleep(0)  # a real await: a call that is not awaited never gets here
        self.log.append(name)
        if name == self.fail_on:
            raise OSError(f"{name} failed")

    async def begin(self):
        await self._step("begin")

    async def commit(self):
        await self._step("commit")

    async def rollback(self):
        await self._step("rollback")

    async def execute(self, sql):
        await self._step(f"execute {sql}")


class Boom(Exception):
    pass


def run(coro):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # "coroutine ... was never awaited"
        return asyncio.run(coro)


def test_commits_after_a_successful_body():
    conn = Connection()

    async def main():
        async with transaction(conn) as tx:
            assert tx is conn, "`as` must give the connection"
            await tx.execute("a")
            await tx.execute("b")

    run(main())
    assert conn.log == ["begin", "execute a", "execute b", "commit"]


def test_begin_happens_on_entry():
    conn = Connection()

    async def main():
        async with transaction(conn):
            assert conn.log == ["begin"], "begin() must be awaited before the body runs"

    run(main())


def test_rolls_back_and_reraises_the_same_exception():
    conn = Connection()
    error = Boom("body failed")

    async def main():
        async with transaction(conn) as tx:
            await tx.execute("a")
            raise error

    with pytest.raises(Boom) as caught:
        run(main())
    assert caught.value is error, "the body's own exception must propagate"
    assert conn.log == ["begin", "execute a", "rollback"]


def test_a_body_error_is_never_committed():
    conn = Connection()

    async def main():
        async with transaction(conn):
            raise KeyError("x")

    with pytest.raises(KeyError):
        run(main())
    assert "commit" not in conn.log


def test_cancellation_rolls_back():
    conn = Connection()
    started = []

    async def work():
        async with transaction(conn) as tx:
            await tx.execute("a")
            started.append(True)
            await asyncio.sleep(10)

    async def main():
        task = asyncio.create_task(work())
        while not started and not task.done():
            await asyncio.sleep(0)
        if task.done():
            await task  # it ended before the body ran: let its error fail the test
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return task

    task = run(main())
    assert task.cancelled(), "the CancelledError must propagate: the task must end cancelled"
    assert conn.log == ["begin", "execute a", "rollback"]


def test_failed_commit_is_rolled_back():
    conn = Connection(fail_on="commit")

    async def main():
        async with transaction(conn) as tx:
            await tx.execute("a")

    with pytest.raises(OSError, match="commit failed"):
        run(main())
    assert conn.log == ["begin", "execute a", "commit", "rollback"]


def test_failed_begin_calls_nothing_else():
    conn = Connection(fail_on="begin")
    ran = []

    async def main():
        async with transaction(conn):
            ran.append(True)

    with pytest.raises(OSError, match="begin failed"):
        run(main())
    assert ran == [], "the body must not run when begin() fails"
    assert conn.log == ["begin"]


def test_return_inside_the_body_commits():
    conn = Connection()

    async def main():
        async with transaction(conn) as tx:
            await tx.execute("a")
            return "done"

    assert run(main()) == "done"
    assert conn.log == ["begin", "execute a", "commit"]


def test_transactions_are_independent():
    first, second = Connection(), Connection()

    async def main():
        async with transaction(first):
            async with transaction(second) as tx:
                await tx.execute("inner")
            raise Boom

    with pytest.raises(Boom):
        run(main())
    assert second.log == ["begin", "execute inner", "commit"]
    assert first.log == ["begin", "rollback"]


def test_concurrent_transactions():
    conns = [Connection() for _ in range(3)]

    async def work(conn, fail):
        async with transaction(conn) as tx:
            await tx.execute("a")
            await asyncio.sleep(0.001)
            if fail:
                raise Boom

    async def main():
        return await asyncio.gather(*(work(c, i == 1) for i, c in enumerate(conns)), return_exceptions=True)

    results = run(main())
    assert results[0] is None and type(results[1]) is Boom and results[2] is None
    assert conns[0].log[-1] == "commit" and conns[2].log[-1] == "commit"
    assert conns[1].log == ["begin", "execute a", "rollback"]
