"""Export and import: a round trip moves everything; a second import changes nothing."""

from __future__ import annotations

import json

import pytest
from fsrs import Scheduler

from coach.errors import CoachError
from coach.practice.katasched import Evidence, SessionRecord, record_session
from coach.practice.scheduler import EASY, GOOD, Drill
from coach.practice.store import Store
from coach.practice.transfer import export, import_
from tests.conftest import run_coach
from tests.practice.helpers import FakeClock, question


def fill(store: Store) -> None:
    clock = FakeClock()
    qs = [question(f"q{i}", order=i) for i in range(4)]
    d = Drill(store, qs, scheduler=Scheduler(enable_fuzzing=False), clock=clock)
    for q in qs:
        d.rate(q, GOOD, duration_ms=2500, score=0.75)
        clock.advance(30)
    d.rate(qs[0], EASY)
    store.record_attempt("two_sum", "fail", 5, 11, 60_000.0, "h1", at=clock.now)
    store.record_attempt("two_sum", "pass", 11, 11, 90_000.0, "h2", at=clock.now + 1)
    store.save_draft("two_sum", "def two_sum(nums, target):\n    ...\n", at=clock.now)
    store.hold("q1", "suspended", clock.now)
    store.hold("q9", "buried", clock.now, until=clock.now + 3600)
    record_session(store, SessionRecord("two_sum", clock.now - 90, clock.now + 1,
                                        Evidence(runs=2, tries=2, failed_runs=1, first_pass_ms=90_000.0),
                                        timed=True, rating=GOOD))


def snapshot(store: Store) -> dict:
    doc = export(store)
    doc.pop("exported_at")
    return doc


def test_round_trip_and_idempotent_import(tmp_path):
    with Store.open(tmp_path / "a.db") as source:
        fill(source)
        doc = json.loads(json.dumps(export(source)))
        original = snapshot(source)
    with Store.open(tmp_path / "b.db") as target:
        first = import_(target, doc)
        assert first == {"cards": 4, "reviews": 5, "attempts": 2, "drafts": 1, "kata_cards": 1, "kata_sessions": 1,
                         "holds": 2, "mocks": 0, "mock_answers": 0}
        assert snapshot(target) == original
        second = import_(target, doc)
        assert not any(second.values())
        assert snapshot(target) == original


def test_import_merges_without_losing_newer_local_progress(tmp_path):
    with Store.open(tmp_path / "a.db") as source:
        fill(source)
        doc = export(source)
    with Store.open(tmp_path / "b.db") as target:
        target.save_draft("two_sum", "my newer draft", at=doc["drafts"][0]["updated_at"] + 100)
        import_(target, doc)
        assert target.draft("two_sum") == "my newer draft"


@pytest.mark.parametrize("doc", [[], {"format": "other"}, {"format": "coach-progress", "version": 99},
                                 {"format": "coach-progress", "version": 1, "reviews": [{"rating": 3}]}])
def test_bad_documents_are_refused(tmp_path, doc):
    with Store.open(tmp_path / "b.db") as target:
        with pytest.raises(CoachError):
            import_(target, doc)
        assert target.review_count() == 0


def test_cli_export_then_import_elsewhere(tmp_path, coach_home):
    with Store.open(coach_home / "coach.db") as store:
        fill(store)
    out = tmp_path / "progress.json"
    result = run_coach("export", str(out))
    assert result.returncode == 0, result.stderr
    assert "exported 4 cards, 5 reviews, 2 kata attempts, 1 drafts and 0 mock interviews" in result.stdout
    other_home = tmp_path / "other-machine"
    first = run_coach("import", str(out), env={"COACH_HOME": str(other_home)})
    assert first.returncode == 0, first.stderr
    assert "imported 4 card schedules, 5 reviews" in first.stdout
    second = run_coach("import", str(out), env={"COACH_HOME": str(other_home)})
    assert second.returncode == 0
    assert "nothing new" in second.stdout


def test_cli_import_of_a_non_json_file(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    result = run_coach("import", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"coach: {bad} is not a coach progress file")
