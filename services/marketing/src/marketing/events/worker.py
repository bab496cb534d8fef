"""The marketing nameko worker: heartbeat only until its handlers and timers land."""

from crm_chassis.worker import WorkerBase


class Worker(WorkerBase):
    name = "marketing"
