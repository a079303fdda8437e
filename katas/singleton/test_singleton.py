"""Tests for the Singleton metaclass. Every test defines its own classes, so
instances never leak from one test into the next."""

import threading

import pytest

from singleton import Singleton

# A broken lock (never released, or not re-entrant) would hang a test forever;
# this turns the hang into a failure.
pytestmark = pytest.mark.timeout(2)


def test_singleton_is_a_metaclass():
    assert isinstance(Singleton, type) and issubclass(Singleton, type)

    class Config(metaclass=Singleton):
        pass

    assert type(Config) is Singleton


def test_every_call_returns_the_same_instance():
    class Config(metaclass=Singleton):
        pass

    first = Config()
    assert type(first) is Config
    assert Config() is first
    assert Config() is first


def test_init_runs_once_with_the_first_arguments():
    inits = []

    class Settings(metaclass=Singleton):
        def __init__(self, env, *, debug=False):
            inits.append((env, debug))
            self.env = env
            self.debug = debug

    settings = Settings("prod", debug=True)
    again = Settings("dev")  # later arguments are ignored
    assert again is settings
    assert (settings.env, settings.debug) == ("prod", True)
    assert inits == [("prod", True)]


def test_the_class_still_behaves_like_a_class():
    class Counter(metaclass=Singleton):
        label = "counter"

        def __init__(self):
            self.count = 0

        def bump(self):
            self.count += 1
            return self.count

    Counter().bump()
    assert Counter().bump() == 2
    assert isinstance(Counter(), Counter)
    assert Counter.label == "counter"


def test_different_classes_have_different_instances():
    class Database(metaclass=Singleton):
        pass

    class Cache(metaclass=Singleton):
        pass

    db, cache = Database(), Cache()
    assert db is not cache
    assert type(db) is Database and type(cache) is Cache
    assert Database() is db and Cache() is cache


def test_subclass_gets_its_own_instance():
    inits = []

    class Base(metaclass=Singleton):
        def __init__(self):
            inits.append(type(self).__name__)

    class Child(Base):
        pass

    base = Base()
    child = Child()
    assert type(child) is Child, "Child() returned the Base instance"
    assert child is not base
    assert Child() is child
    assert Base() is base
    assert inits == ["Base", "Child"]


def test_subclass_built_first():
    class Base(metaclass=Singleton):
        pass

    class Child(Base):
        pass

    child = Child()
    base = Base()
    assert type(base) is Base and type(child) is Child
    assert Base() is base and Child() is child


def test_sibling_subclasses_are_separate():
    class Plugin(metaclass=Singleton):
        pass

    class Auth(Plugin):
        pass

    class Metrics(Plugin):
        pass

    auth, metrics = Auth(), Metrics()
    assert type(auth) is Auth and type(metrics) is Metrics
    assert Auth() is auth and Metrics() is metrics


def test_failed_init_keeps_no_instance():
    attempts = []

    class Connection(metaclass=Singleton):
        def __init__(self):
            attempts.append(1)
            if len(attempts) == 1:
                raise ConnectionError("first attempt fails")

    with pytest.raises(ConnectionError, match="first attempt fails"):
        Connection()
    conn = Connection()  # tries again, and this time succeeds
    assert type(conn) is Connection
    assert Connection() is conn
    assert len(attempts) == 2


def test_concurrent_first_construction_builds_one_instance():
    entered = threading.Event()  # the first __init__ has started
    release = threading.Event()  # lets the first __init__ finish
    second = threading.Event()  # a second __init__ has started: the bug
    inits = []

    class Slow(metaclass=Singleton):
        def __init__(self):
            inits.append(self)
            if len(inits) == 1:
                entered.set()
                release.wait(1)
            else:
                second.set()

    results, errors = [], []

    def build():
        try:
            results.append(Slow())
        except BaseException as exc:
            errors.append(exc)
            entered.set()

    first = threading.Thread(target=build, daemon=True)
    first.start()
    assert entered.wait(1), "the first construction never reached __init__"
    assert not errors, f"Slow() raised {errors[0]!r}"
    other = threading.Thread(target=build, daemon=True)
    other.start()  # asks for the instance while the first one is half-built
    second.wait(0.1)  # returns at once if __init__ runs a second time
    release.set()
    first.join(1)
    other.join(1)
    assert not errors, f"Slow() raised {errors[0]!r}"
    assert len(results) == 2, "a constructing thread did not finish"
    assert len(inits) == 1, "__init__ ran twice: two threads built the instance at the same time"
    assert results[0] is results[1]


def test_many_threads_get_the_same_instance():
    inits = []

    class Shared(metaclass=Singleton):
        def __init__(self):
            inits.append(1)

    start = threading.Barrier(8, timeout=1)
    results = []

    def build():
        start.wait()
        results.append(Shared())

    threads = [threading.Thread(target=build, daemon=True) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(1)
    assert len(results) == 8
    assert all(r is results[0] for r in results)
    assert len(inits) == 1


def test_init_may_construct_another_singleton():
    # A non-re-entrant lock held while __init__ runs deadlocks here.
    class Database(metaclass=Singleton):
        pass

    class App(metaclass=Singleton):
        def __init__(self):
            self.db = Database()

    app = App()
    assert type(app.db) is Database
    assert Database() is app.db
    assert App() is app
