"""The customers nameko worker. No consumed events yet; pool-recycling timers land here later."""

from crm_chassis.worker import WorkerBase


class CustomersWorker(WorkerBase):
    name = "customers"
