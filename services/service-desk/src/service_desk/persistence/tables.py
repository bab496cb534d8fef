"""The service-desk service's tables (its own database only). Business tables land with its issue."""

from sqlalchemy import MetaData

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
