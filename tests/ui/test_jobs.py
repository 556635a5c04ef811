"""The one background-job helper: work off the interface thread, the answer on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from desktop_app.ui import jobs
from desktop_app.ui.jobs import Job, read_job


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def job_started(self, text: str) -> None:
        self.events.append(("started", text))

    def job_ended(self) -> None:
        self.events.append(("ended", ""))


def test_the_work_runs_in_a_worker_and_the_result_comes_back_on_the_interface_thread(qapp):
    parent = QWidget()
    where, got = {}, []
    busy = Recorder()

    def work() -> int:
        where["work"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        where["done"] = threading.current_thread()
        got.append(result)

    job = Job(parent, work, done, busy=busy, text="正在载入…").run()
    assert busy.events == [("started", "正在载入…")]
    assert jobs.wait_all(parent)
    assert got == [42] and job.delivered and job.result == 42
    assert where["work"] is not threading.main_thread()
    assert where["done"] is threading.main_thread()
    assert busy.events[-1] == ("ended", "")
    assert not jobs.running(parent)


def test_a_failure_goes_to_on_failed_or_else_to_the_crash_reporter(qapp, monkeypatch):
    parent = QWidget()
    failed, hooked = [], []

    def work() -> None:
        raise ValueError("坏了")

    Job(parent, work, lambda _r: None, failed.append).run()
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: hooked.append(exc))
    Job(parent, work, lambda _r: None).run()
    assert jobs.wait_all(parent)
    assert [str(e) for e in failed] == ["坏了"]
    assert [str(e) for e in hooked] == ["坏了"]


def test_nothing_is_delivered_to_a_parent_that_is_gone(qapp):
    parent = QWidget()
    gate = threading.Event()
    got = []
    job = Job(parent, lambda: gate.wait(5), got.append).run()
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    assert jobs.wait_all()
    assert job.delivered and got == []


def test_a_cancelled_job_calls_nothing_and_keeps_its_result(qapp):
    parent = QWidget()
    gate = threading.Event()
    got = []
    job = Job(parent, lambda: gate.wait(5) and "store", got.append, got.append).run()
    job.cancel()
    gate.set()
    assert job.wait(5000) and jobs.wait_all(parent)
    assert got == [] and job.result == "store"


def test_a_read_job_reads_the_ledger_on_its_own_connection(qapp, store):
    parent = QWidget()
    got = []
    read_job(parent, store.path, lambda s: s.project_count(), got.append).run()
    assert jobs.wait_all(parent)
    assert got == [store.project_count()]


def test_one_size_cut_off():
    assert jobs.BACKGROUND_ABOVE == 2_000


def test_a_job_finishing_while_the_interface_is_torn_down_reports_nothing(qapp, monkeypatch):
    """The app quit (its objects deleted) while a job ran: the worker's last step used to raise
    in the pool thread, the crash reporter then asked from a thread nobody was answering and
    the process never ended (seen in the cold-start benchmark on 100k)."""
    import shiboken6

    reported = []
    monkeypatch.setattr("sys.excepthook", lambda *args: reported.append(args))
    gate = threading.Event()
    job = Job(QWidget(), lambda: gate.wait(5)).run()
    shiboken6.delete(job._bridge)  # as at the interface's teardown
    gate.set()
    assert job.wait(5000)
    jobs.pool().waitForDone(5000)
    assert reported == [] and job not in jobs.running()
